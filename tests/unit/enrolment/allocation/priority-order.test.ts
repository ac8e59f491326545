import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priorityOrder } from "../../../../src/domain/enrolment/allocation/market";

/** The order written as the rule says it, with a comparison sort: points high→low, lottery low→high, id. */
function byRule(applicants: { id: string; points: number; lottery: number }[]): number[] {
  return applicants
    .map((a, i) => ({ ...a, i }))
    .sort((a, b) => b.points - a.points || a.lottery - b.lottery || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((a) => a.i);
}

const orderOf = (applicants: { id: string; points: number; lottery: number }[]) =>
  [...priorityOrder(applicants.map((a) => ({ id: a.id, points: a.points, choices: [] })), Float64Array.from(applicants, (a) => a.points), Float64Array.from(applicants, (a) => a.lottery))];

describe("the applicants' priority order beyond tier", () => {
  it("is the rule's order for 52-bit lottery numbers (the radix sort), ties in points and lottery broken by id", () => {
    const lottery = fc.oneof(fc.integer({ min: 0, max: 2 ** 52 - 1 }), fc.constantFrom(0, 1, 2 ** 26, 2 ** 52 - 1, 8191, 8192)).map((n) => n / 2 ** 52);
    const applicant = fc.record({ id: fc.stringMatching(/^[A-Za-z0-9_.-]{1,6}$/), points: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(0.5, 2.25, -0)), lottery });
    fc.assert(
      fc.property(fc.uniqueArray(applicant, { selector: (a) => a.id, maxLength: 40 }), fc.boolean(), (list, tie) => {
        if (tie && list.length > 2) list[1] = { ...list[1]!, points: list[0]!.points, lottery: list[0]!.lottery }; // a full tie
        expect(orderOf(list)).toEqual(byRule(list));
      }),
      { numRuns: 500 },
    );
  });

  it("is the rule's order for lottery numbers that are not multiples of 2^-52 (a hand-edited file)", () => {
    const applicant = fc.record({ id: fc.stringMatching(/^[A-Z]{1,3}$/), points: fc.integer({ min: 0, max: 2 }), lottery: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) });
    fc.assert(fc.property(fc.uniqueArray(applicant, { selector: (a) => a.id, maxLength: 30 }), (list) => {
        expect(orderOf(list)).toEqual(byRule(list));
      }),
      { numRuns: 300 },
    );
    expect(orderOf([{ id: "B", points: 1, lottery: 0.1 }, { id: "A", points: 1, lottery: 0.1 }, { id: "C", points: 2, lottery: 0.7 }])).toEqual([2, 1, 0]);
  });
});
