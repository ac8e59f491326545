import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "../../../../src/domain/enrolment/allocation";
import { placeUnplaced } from "../../../../src/domain/enrolment/draw/placement";
import { blockingPairs, capacityViolations, lotteriesOf, offersOf, smallMarket } from "../allocation/market-helpers";

const RUNS = Number(process.env.PLACEMENT_RUNS ?? 300);

describe("统筹安排 after the draw", () => {
  it("places by community catchment, then township, then district, in the published order", () => {
    const programs = [
      { id: "far", label: "远处小学", seats: 1, areaId: "t2" },
      { id: "town", label: "本镇小学", seats: 1, areaId: "t1" },
      { id: "home", label: "施教区小学", seats: 1, areaId: "t1" },
    ];
    const children = [
      { id: "C3", lottery: 0.9, areaId: "t1", catchment: ["home"] },
      { id: "C1", lottery: 0.1, areaId: "t1", catchment: ["home"] },
      { id: "C2", lottery: 0.5, areaId: "t1", catchment: ["home"] },
      { id: "C4", lottery: 0.95, areaId: "t1", catchment: ["home"] },
    ];
    const placed = placeUnplaced({ programs, offered: [], children });
    expect(placed.map((p) => [p.applicant, p.program, p.ring])).toEqual([
      ["C1", "home", "catchment"],
      ["C2", "town", "township"],
      ["C3", "far", "district"],
      ["C4", null, "none"],
    ]);
    expect(placed[3]!.reason).toContain("另行安排");
    expect(placed[1]!.reason).toContain("「本镇小学」");
  });

  it("on random markets: deferred acceptance leaves no blocking pair, and after placement seats are respected and every eligible child has a place or a written reason", () => {
    fc.assert(
      fc.property(smallMarket, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }), (input, areas) => {
        const r = allocate(input);
        const offers = offersOf(r);
        expect(blockingPairs(input, lotteriesOf(r), offers)).toEqual([]);
        expect(capacityViolations(input, offers)).toEqual([]);
        const programs = input.programs.map((p, i) => ({ ...p, areaId: `t${areas[i]}` }));
        const unplaced = r.applicants.filter((a) => a.offer === null);
        const placed = placeUnplaced({
          programs,
          offered: r.applicants.flatMap((a) => (a.offer ? [a.offer] : [])),
          children: unplaced.map((a, i) => ({ id: a.id, lottery: a.lottery, areaId: `t${i % 3}`, catchment: input.applicants.find((x) => x.id === a.id)!.choices.filter((c) => c.tier === "catchment").map((c) => c.program) })),
        });
        const all = { ...offers, ...Object.fromEntries(placed.map((p) => [p.applicant, p.program])) };
        for (const p of input.programs) expect(Object.values(all).filter((o) => o === p.id).length).toBeLessThanOrEqual(p.seats);
        for (const a of input.applicants) expect(all[a.id] !== null || placed.find((p) => p.applicant === a.id)!.reason.length > 10).toBe(true);
        const free = input.programs.reduce((n, p) => n + p.seats, 0) - Object.values(all).filter((o) => o !== null).length;
        // Nobody is left with a reason while a seat anywhere is still free.
        if (placed.some((p) => p.program === null)) expect(free).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });
});
