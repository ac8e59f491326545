import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_PUBLISHED_COUNT, protectTable, publishedShare } from "../../../src/domain/complaint/disclosure";
import { protectLinkedTables } from "../../../src/domain/complaint/linked-disclosure";
import { derivableCells, derivableLinkedCells, feasibleLinkedValues, feasibleValues } from "../../fixtures/feasible-cells";

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

  describe("the linked category and department tables (each category's lead department)", () => {
    // Categories a, b lead to department X; c, d to Y. No reassignment: X = a + b, Y = c + d.
    const leadOf = (k: string) => (k === "a" || k === "b" ? "X" : "Y");
    const categories = new Map([["a", 3], ["b", 20], ["c", 3], ["d", 30]]);
    const departments = new Map([["X", 23], ["Y", 33]]);

    it("the checker finds what protecting each table alone leaks: a shown department gives back its hidden category", () => {
      const cells = protectTable(categories);
      expect(derivableCells({ cells, total: 56 })).toEqual([]);
      const joint = { categories: cells, departments: protectTable(departments), total: 56, leadOf };
      expect(feasibleLinkedValues(joint)).toEqual(new Map([["category:a", [3]], ["category:c", [3]]]));
    });

    it("hides further until every hidden cell of both tables has two feasible values under the joint constraints", () => {
      const { byCategory, byDepartment } = protectLinkedTables({ categories, departments, leadOf });
      expect(byCategory.filter((c) => c.count === null).map((c) => c.key)).toEqual(["a", "b", "c", "d"]);
      expect(derivableLinkedCells({ categories: byCategory, departments: byDepartment, total: 56, leadOf })).toEqual([]);
      expect(byCategory.every((c) => c.count === null || c.count >= 5)).toBe(true);
    });

    it("over random case lists with reassignments and listed cases, leaves no hidden cell of either table derivable", () => {
      const DEPTS = ["X", "Y", "Z"];
      const lead = (k: string) => DEPTS[Number(k.slice(1)) % 3]!;
      const cases = fc.array(
        fc.record({ cat: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 6 })), moved: fc.integer({ min: 0, max: 9 }), listed: fc.boolean() }),
        { minLength: MIN_PUBLISHED_COUNT, maxLength: 90 },
      );
      fc.assert(
        fc.property(cases, fc.boolean(), (list, readerKnowsMoves) => {
          const rows = list.map((c) => {
            const cat = `k${c.cat}`;
            // One case in ten is reassigned to the next department.
            const dept = c.moved === 0 ? DEPTS[(DEPTS.indexOf(lead(cat)) + 1) % 3]! : lead(cat);
            return { cat, dept, listed: c.listed };
          });
          const count = (key: (r: (typeof rows)[number]) => string, only = rows) => only.reduce((m, r) => m.set(key(r), (m.get(key(r)) ?? 0) + 1), new Map<string, number>());
          const categories = count((r) => r.cat);
          const departments = count((r) => r.dept);
          const listed = rows.filter((r) => r.listed);
          const [categoryFloors, departmentFloors] = [count((r) => r.cat, listed), count((r) => r.dept, listed)];
          const out = protectLinkedTables({ categories, departments, leadOf: lead, categoryFloors, departmentFloors });
          for (const [cells, truth] of [[out.byCategory, categories], [out.byDepartment, departments]] as const) {
            for (const c of cells) expect(c.count === null || (c.count === truth.get(c.key) && c.count >= MIN_PUBLISHED_COUNT)).toBe(true);
          }
          const offsets = new Map(DEPTS.map((d) => [d, (departments.get(d) ?? 0) - [...categories].filter(([k]) => lead(k) === d).reduce((s, [, n]) => s + n, 0)]));
          if (out.byCategory.length === 0) return;
          const noMoves = [...offsets.values()].every((o) => o === 0);
          // The reader who knows every reassignment is the strongest; with none, the worst-case reader is the same one.
          if (!readerKnowsMoves && !noMoves) return;
          expect(derivableLinkedCells({ categories: out.byCategory, departments: out.byDepartment, total: rows.length, leadOf: lead, offsets, categoryFloors, departmentFloors })).toEqual([]);
          expect(derivableCells({ cells: out.byCategory, total: rows.length, floors: categoryFloors })).toEqual([]);
          expect(derivableCells({ cells: out.byDepartment, total: rows.length, floors: departmentFloors })).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    });
  });
});
