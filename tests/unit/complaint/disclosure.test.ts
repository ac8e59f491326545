import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_PUBLISHED_COUNT, protectTable, publishedShare } from "../../../src/domain/complaint/disclosure";
import { derivableCells, feasibleValues } from "../../fixtures/feasible-cells";

const RUNS = Number(process.env.DISCLOSURE_RUNS ?? 400);
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

describe("disclosure control of the complaint tables", () => {
  it("the checker finds what the old rule leaked: 6, <5, <5, 40 with a total of 48 gives both hidden cells as 1", () => {
    const leaked = { cells: [{ key: "a", count: 6 }, { key: "b", count: null }, { key: "c", count: null }, { key: "d", count: 40 }], total: 48 };
    expect(feasibleValues(leaked)).toEqual(new Map([["b", [1]], ["c", [1]]]));
    expect(derivableCells(leaked)).toEqual(["b", "c"]);
  });

  it("hides more cells until no hidden cell has a single feasible value", () => {
    const counts = new Map([["a", 6], ["b", 1], ["c", 1], ["d", 40]]);
    const table = protectTable(counts);
    expect(table).toEqual([{ key: "a", count: null }, { key: "b", count: null }, { key: "c", count: null }, { key: "d", count: 40 }]);
    expect(derivableCells({ cells: table, total: 48 })).toEqual([]);
  });

  it("counts the cases listed one by one as floors: a hidden cell fully listed is not left alone with one case to spare", () => {
    // b and c are both fully listed (floors 3 and 2): their sum 5 equals their floors, so a third cell goes.
    const counts = new Map([["a", 9], ["b", 3], ["c", 2], ["d", 30]]);
    const floors = new Map([["b", 3], ["c", 2]]);
    const table = protectTable(counts, floors);
    expect(table.find((c) => c.key === "a")!.count).toBeNull();
    expect(derivableCells({ cells: table, total: 44, floors })).toEqual([]);
    // Without the floors the first two hidden cells would have been enough.
    expect(protectTable(counts).find((c) => c.key === "a")!.count).toBe(9);
  });

  it("withholds a table whole when even hiding every cell leaves one derivable", () => {
    expect(protectTable(new Map([["a", 1], ["b", 1], ["c", 1], ["d", 1], ["e", 1]]))).toEqual([]);
    expect(protectTable(new Map([["a", 7]]))).toEqual([{ key: "a", count: 7 }]);
  });

  it("over random tables and floors, publishes every count of 5 or more it can, no count from 1 to 4, and no derivable cell", () => {
    const table = fc
      .array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), fc.oneof(fc.constant(0), fc.constant(100), fc.integer({ min: 0, max: 100 }))), { minLength: 1, maxLength: 9 })
      .map((cells) => ({
        counts: new Map(cells.map(([n], i) => [`k${i}`, n])),
        // A floor is a share of the cell's cases listed one by one: often none or all of them.
        floors: new Map(cells.map(([n, pct], i) => [`k${i}`, Math.floor((n * pct) / 100)])),
      }))
      .filter(({ counts }) => sum(counts) >= MIN_PUBLISHED_COUNT);
    fc.assert(
      fc.property(table, ({ counts, floors }) => {
        const published = protectTable(counts, floors);
        for (const c of published) {
          const n = counts.get(c.key)!;
          if (n > 0 && n < MIN_PUBLISHED_COUNT) expect(c.count).toBeNull();
          if (c.count !== null) expect(c.count).toBe(n);
        }
        expect(derivableCells({ cells: published, total: sum(counts), floors })).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("withholds a share when its part or the rest is from 1 to 4: 22 answered at 0.909 would give 2 late", () => {
    expect(publishedShare(20, 22)).toBeNull();
    expect(publishedShare(2, 22)).toBeNull();
    expect(publishedShare(4, 4)).toBeNull();
    expect(publishedShare(22, 22)).toBe(1);
    expect(publishedShare(0, 22)).toBe(0);
    expect(publishedShare(15, 22)).toBe(0.682);
  });
});
