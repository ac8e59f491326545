import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../../../src/domain/errors";
import { allocate, initialOfferState, moveWaitlist, resultForState, toPublished, type AllocationInput, type OfferState } from "../../../../src/domain/enrolment/allocation";
import { blockingPairs, capacityViolations, lotteriesOf, smallMarket } from "./market-helpers";

// P1 (1 seat) wanted by everyone; P2 (1 seat) second choice; P3 roomy. Priorities by points.
const input: AllocationInput = {
  seed: "cascade",
  programs: [
    { id: "P1", label: "城关第一小学 一年级", seats: 1 },
    { id: "P2", label: "城关第二小学 一年级", seats: 1 },
    { id: "P3", label: "城关第三小学 一年级", seats: 3 },
  ],
  applicants: [
    { id: "first", points: 9, choices: [{ program: "P1", tier: "other" }] },
    { id: "second", points: 8, choices: [{ program: "P1", tier: "other" }, { program: "P2", tier: "other" }] },
    { id: "third", points: 7, choices: [{ program: "P1", tier: "other" }, { program: "P2", tier: "other" }, { program: "P3", tier: "other" }] },
    { id: "fourth", points: 6, choices: [{ program: "P2", tier: "other" }] },
  ],
};
const published = toPublished(allocate(input));

describe("waitlist movement after a decline", () => {
  it("starts from the published offers", () => {
    expect(initialOfferState(published)).toEqual({ offers: { first: "P1", second: "P2", third: "P3", fourth: null }, withdrawn: [] });
  });

  it("offers the freed seat to the top of the waitlist and cascades down the chain of seats given up", () => {
    const { state, changes } = moveWaitlist(published, initialOfferState(published), { type: "decline", applicant: "first" });
    // first leaves P1 → second (top of P1's list) moves up from P2 → P2's list is third (7 points)
    // ahead of fourth (6), so third moves up from P3; nobody waits for P3.
    expect(changes.map(({ applicant, from, to, reason }) => ({ applicant, from, to, reason }))).toEqual([
      { applicant: "first", from: "P1", to: null, reason: "declined" },
      { applicant: "second", from: "P2", to: "P1", reason: "moved_up" },
      { applicant: "third", from: "P3", to: "P2", reason: "moved_up" },
    ]);
    expect(state).toEqual({ offers: { first: null, second: "P1", third: "P2", fourth: null }, withdrawn: ["first"] });
    expect(changes[1]!.message).toBe("「城关第一小学 一年级」有学位空出，按候补名单顺序，您已被录取；原录取的「城关第二小学 一年级」学位已自动释放给其他候补家庭。");
  });

  it("gives a seat to an unplaced family at the end of a cascade", () => {
    const after = moveWaitlist(published, initialOfferState(published), { type: "decline", applicant: "first" }).state;
    const { state, changes } = moveWaitlist(published, after, { type: "decline", applicant: "third" });
    expect(changes.map((c) => [c.applicant, c.from, c.to])).toEqual([
      ["third", "P2", null],
      ["fourth", null, "P2"],
    ]);
    expect(state.offers.fourth).toBe("P2");
  });

  it("moves nobody when a family that was waiting without an offer withdraws", () => {
    const { state, changes } = moveWaitlist(published, initialOfferState(published), { type: "decline", applicant: "fourth" });
    expect(changes).toHaveLength(1);
    expect(state.offers).toEqual(initialOfferState(published).offers);
    expect(resultForState(published, state).programs.find((p) => p.id === "P2")!.waitlist).toEqual(["third"]);
  });

  it("refuses an unknown applicant and a second decline", () => {
    expect(() => moveWaitlist(published, initialOfferState(published), { type: "decline", applicant: "nobody" })).toThrow(DomainError);
    const { state } = moveWaitlist(published, initialOfferState(published), { type: "decline", applicant: "fourth" });
    expect(() => moveWaitlist(published, state, { type: "decline", applicant: "fourth" })).toThrow("该申请已退出分配");
  });

  it("keeps no blocking pair and every capacity after any sequence of declines in random markets", () => {
    fc.assert(
      fc.property(smallMarket, fc.array(fc.nat(), { maxLength: 4 }), (market, picks) => {
        const file = toPublished(allocate(market));
        const lottery = lotteriesOf(allocate(market));
        let state: OfferState = initialOfferState(file);
        for (const pick of picks) {
          const active = market.applicants.filter((a) => !state.withdrawn.includes(a.id));
          if (active.length === 0) break;
          const before = state;
          const decliner = active[pick % active.length]!.id;
          const { state: next, changes } = moveWaitlist(file, state, { type: "decline", applicant: decliner });
          state = next;
          const left = new Set(state.withdrawn);
          expect(blockingPairs(market, lottery, state.offers, left)).toEqual([]);
          expect(capacityViolations(market, state.offers)).toEqual([]);
          // The changes are exactly the offers that differ, and nobody but the decliner is worse off.
          expect(changes[0]).toMatchObject({ applicant: decliner, from: before.offers[decliner], to: null, reason: "declined" });
          expect(state.offers[decliner]).toBeNull();
          for (const a of market.applicants.filter((x) => x.id !== decliner)) {
            const changed = changes.filter((c) => c.applicant === a.id);
            if (before.offers[a.id] !== state.offers[a.id]) expect(changed.at(-1)!.to).toBe(state.offers[a.id]);
            else expect(changed).toEqual([]);
            if (!left.has(a.id) && state.offers[a.id] !== null && before.offers[a.id] !== null) {
              const rank = (o: string | null | undefined) => a.choices.findIndex((c) => c.program === o);
              expect(rank(state.offers[a.id])).toBeLessThanOrEqual(rank(before.offers[a.id]));
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
