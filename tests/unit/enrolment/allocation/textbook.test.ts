import { describe, expect, it } from "vitest";
import { deferredAcceptance } from "../../../../src/domain/enrolment/allocation/deferred-acceptance";
import type { Market } from "../../../../src/domain/enrolment/allocation/market";

/** Builds the core's market from textbook lists: arbitrary priorities per school, which the
 *  tiers/points/lottery of a real intake cannot always express. */
function run(seats: Record<string, number>, prefs: Record<string, string[]>, priorities: Record<string, string[]>): Record<string, string | null> {
  const programIds = Object.keys(seats);
  const applicantIds = Object.keys(prefs);
  const choiceStart = new Int32Array(applicantIds.length + 1);
  applicantIds.forEach((a, i) => (choiceStart[i + 1] = choiceStart[i]! + prefs[a]!.length));
  const total = choiceStart[applicantIds.length]!;
  const choiceProgram = new Int32Array(total);
  const choiceApplicant = new Int32Array(total);
  const choiceRank = new Int32Array(total);
  const orderStart = new Int32Array(programIds.length + 1);
  const orderChoice: number[] = [];
  programIds.forEach((p, pi) => {
    for (const a of priorities[p]!) {
      const i = applicantIds.indexOf(a);
      const at = prefs[a]!.indexOf(p);
      if (at === -1) continue; // did not apply there
      const k = choiceStart[i]! + at;
      choiceRank[k] = orderChoice.length - (orderStart[pi] ?? 0);
      orderChoice.push(k);
    }
    orderStart[pi + 1] = orderChoice.length;
  });
  applicantIds.forEach((a, i) =>
    prefs[a]!.forEach((p, r) => {
      choiceProgram[choiceStart[i]! + r] = programIds.indexOf(p);
      choiceApplicant[choiceStart[i]! + r] = i;
    }),
  );
  const market: Market = {
    programs: programIds.map((id) => ({ id, label: id, seats: seats[id]! })),
    applicants: applicantIds.map((id) => ({ id, choices: [], points: 0 })),
    points: new Float64Array(applicantIds.length),
    lottery: new Float64Array(applicantIds.length),
    programIndex: new Map(programIds.map((p, i) => [p, i])),
    applicantIndex: new Map(applicantIds.map((a, i) => [a, i])),
    choiceStart,
    choiceProgram,
    choiceApplicant,
    choiceTier: new Uint8Array(total),
    choiceRank,
    orderStart,
    orderChoice: Int32Array.from(orderChoice),
  };
  const assigned = deferredAcceptance(market);
  return Object.fromEntries(applicantIds.map((a, i) => [a, assigned[i] === -1 ? null : programIds[choiceProgram[assigned[i]!]!]!]));
}

describe("deferred acceptance on textbook examples", () => {
  it("gives the stable but not Pareto-efficient matching of Abdulkadiroğlu & Sönmez's efficiency example", () => {
    // Three one-seat schools. Trace: i1→s2, i2→s1, i3→s1; s1 keeps i3 (i1≻i3≻i2). i2→s2 displaces
    // i1; i1→s1 displaces i3; i3→s2 is refused (i2≻i3); i3→s3. Result i1–s1, i2–s2, i3–s3,
    // although i1 and i2 would both prefer to swap: the price of respecting i3's priority at s1.
    const outcome = run(
      { s1: 1, s2: 1, s3: 1 },
      { i1: ["s2", "s1", "s3"], i2: ["s1", "s2", "s3"], i3: ["s1", "s2", "s3"] },
      { s1: ["i1", "i3", "i2"], s2: ["i2", "i1", "i3"], s3: ["i2", "i1", "i3"] },
    );
    expect(outcome).toEqual({ i1: "s1", i2: "s2", i3: "s3" });
  });

  it("gives each student its first choice when the schools' priorities point the other way (student-optimal, not school-optimal)", () => {
    // Roth's two-by-two: a prefers i2, b prefers i1, but i1 wants a and i2 wants b. Both
    // matchings are stable; student-proposing DA picks the one students prefer.
    const outcome = run({ a: 1, b: 1 }, { i1: ["a", "b"], i2: ["b", "a"] }, { a: ["i2", "i1"], b: ["i1", "i2"] });
    expect(outcome).toEqual({ i1: "a", i2: "b" });
  });

  it("fills a two-seat school by priority through a chain of rejections and leaves the last student unplaced", () => {
    // Round 1: x holds s4, s1 (rejects s2), y holds s3. Round 2: s2→y displaces s3.
    // Round 3: s3→x displaces s1. Round 4: s1→y displaces s2. s2 has nothing left.
    const outcome = run(
      { x: 2, y: 1 },
      { s1: ["x", "y"], s2: ["x", "y"], s3: ["y", "x"], s4: ["x"] },
      { x: ["s3", "s4", "s1", "s2"], y: ["s1", "s2", "s3"] },
    );
    expect(outcome).toEqual({ s1: "y", s2: null, s3: "x", s4: "x" });
  });

  it("gives the Gale–Shapley men-proposing outcome in the classic 3 × 3 marriage market", () => {
    // Men m1..m3 propose. m1→w1, m2→w1, m3→w2; w1 keeps m2 (m2≻m1). m1→w2 displaces m3 (m1≻m3).
    // m3→w3. Result m1–w2, m2–w1, m3–w3.
    const outcome = run(
      { w1: 1, w2: 1, w3: 1 },
      { m1: ["w1", "w2", "w3"], m2: ["w1", "w3", "w2"], m3: ["w2", "w3", "w1"] },
      { w1: ["m2", "m1", "m3"], w2: ["m1", "m3", "m2"], w3: ["m3", "m2", "m1"] },
    );
    expect(outcome).toEqual({ m1: "w2", m2: "w1", m3: "w3" });
  });

  it("never admits anyone to a school with no seats", () => {
    expect(run({ a: 0, b: 1 }, { i1: ["a", "b"], i2: ["a"] }, { a: ["i1", "i2"], b: ["i1"] })).toEqual({ i1: "b", i2: null });
  });
});
