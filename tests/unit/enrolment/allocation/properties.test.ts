import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, type AllocationInput } from "../../../../src/domain/enrolment/allocation";
import { blockingPairs, capacityViolations, lotteriesOf, offersOf, smallMarket } from "./market-helpers";

/** Every ordered list drawn from a set of programs: all subsets, all orders (incl. empty). */
function allLists(programs: string[]): string[][] {
  const out: string[][] = [[]];
  const grow = (prefix: string[], rest: string[]) => {
    rest.forEach((p, i) => {
      const next = [...prefix, p];
      out.push(next);
      grow(next, [...rest.slice(0, i), ...rest.slice(i + 1)]);
    });
  };
  grow([], programs);
  return out;
}

describe("deferred acceptance on random small markets", () => {
  it("leaves no blocking pair: nobody prefers a program with a free seat or one that admitted someone of lower priority", () => {
    fc.assert(
      fc.property(smallMarket, (input) => {
        const r = allocate(input);
        expect(blockingPairs(input, lotteriesOf(r), offersOf(r))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("respects every program's seats and only offers programs the applicant ranked", () => {
    fc.assert(
      fc.property(smallMarket, (input) => {
        const r = allocate(input);
        expect(capacityViolations(input, offersOf(r))).toEqual([]);
        for (const p of r.programs) expect(p.offers).toBeLessThanOrEqual(p.seats);
      }),
      { numRuns: 400 },
    );
  });

  it("gives the same result for the same seed, whatever the order applicants are listed in", () => {
    fc.assert(
      fc.property(smallMarket, (input) => {
        const reversed = { ...input, applicants: [...input.applicants].reverse() };
        expect(offersOf(allocate(reversed))).toEqual(offersOf(allocate(input)));
        expect(allocate(input)).toEqual(allocate(structuredClone(input)));
      }),
      { numRuns: 200 },
    );
  });

  it("can give a different result for a different seed", () => {
    // Ten applicants tied on everything for one seat: the seed alone picks the winner.
    const market = (seed: string): AllocationInput => ({
      seed,
      programs: [{ id: "P", label: "一小 一年级", seats: 1 }],
      applicants: Array.from({ length: 10 }, (_, i) => ({ id: `A${i}`, points: 1, choices: [{ program: "P", tier: "catchment" as const }] })),
    });
    const winners = new Set(["s1", "s2", "s3", "s4", "s5", "s6"].map((s) => allocate(market(s)).applicants.find((a) => a.offer)!.id));
    expect(winners.size).toBeGreaterThan(1);
  });

  it("is strategy-proof: no applicant gets a program it likes better by reporting any other list", () => {
    fc.assert(
      fc.property(smallMarket, fc.nat(), (input, pick) => {
        const liar = input.applicants[pick % input.applicants.length]!;
        const truth = liar.choices.map((c) => c.program);
        // Unranked programs are worse than no place at all for this applicant.
        const worth = (offer: string | null) => (offer === null ? truth.length : truth.indexOf(offer) === -1 ? truth.length + 1 : truth.indexOf(offer));
        const honest = worth(allocate(input).applicants.find((a) => a.id === liar.id)!.offer);
        // Its tier at a program is a fact about where it lives, not part of the report.
        const tierAt = (p: string) => (liar.choices.find((c) => c.program === p)?.tier ?? "other");
        for (const list of allLists(input.programs.map((p) => p.id))) {
          const report = { ...input, applicants: input.applicants.map((a) => (a.id === liar.id ? { ...a, choices: list.map((program) => ({ program, tier: tierAt(program) })) } : a)) };
          const lied = worth(allocate(report).applicants.find((a) => a.id === liar.id)!.offer);
          expect(lied, `reporting ${list.join(">") || "nothing"} instead of ${truth.join(">")}`).toBeGreaterThanOrEqual(honest);
        }
      }),
      { numRuns: 150 },
    );
  });
});
