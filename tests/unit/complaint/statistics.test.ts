import { describe, expect, it } from "vitest";
import { protectTable } from "../../../src/domain/complaint/disclosure";
import { complaintStats, median, type StatsRow } from "../../../src/domain/complaint/statistics";

const row = (over: Partial<StatsRow> = {}): StatsRow => ({
  category: "fees",
  school: "a",
  department: "jiaoyu-ju",
  receivedOn: "2026-09-01",
  decidedOn: null,
  acceptedOn: null,
  answeredOn: null,
  answerDue: null,
  listed: false,
  ...over,
});

describe("public complaint statistics", () => {
  it("suppresses counts from 1 to 4 and keeps 0 and 5+", () => {
    const cells = protectTable(new Map([["a", 5], ["b", 4], ["c", 1], ["d", 0]]));
    expect(cells).toEqual([{ key: "a", count: 5 }, { key: "b", count: null }, { key: "c", count: null }, { key: "d", count: 0 }]);
  });
  it("suppresses the next smallest cell when only one is small, so the total cannot reveal it", () => {
    const cells = protectTable(new Map([["a", 9], ["b", 6], ["c", 2]]));
    expect(cells.map((c) => c.count)).toEqual([9, null, null]);
  });
  it("publishes no median or on-time share from fewer than five cases", () => {
    expect(median([1, 2, 3, 4])).toBeNull();
    expect(median([5, 1, 3, 2, 4])).toBe(3);
    expect(median([1, 2, 3, 4, 5, 6])).toBe(3.5);
    const few = complaintStats([row({ acceptedOn: "2026-09-02", decidedOn: "2026-09-02", answeredOn: "2026-09-10", answerDue: "2026-11-01" })]);
    expect(few).toMatchObject({ total: null, answered: null, answeredOnTimeShare: null, medianDaysToAnswer: null, medianDaysToAcceptance: null });
    // Under 5 cases in all no table is published beside the hidden total.
    expect(few.byCategory).toEqual([]);
  });
  it("computes medians in calendar days and the on-time share against each case's due date", () => {
    const rows = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) =>
      row({ decidedOn: `2026-09-${String(1 + d).padStart(2, "0")}`, acceptedOn: `2026-09-${String(1 + d).padStart(2, "0")}`, answeredOn: "2026-10-20", answerDue: d > 5 ? "2026-10-19" : "2026-11-01" }),
    );
    const stats = complaintStats(rows);
    expect(stats.total).toBe(10);
    expect(stats.medianDaysToAcceptance).toBe(5.5);
    expect(stats.medianDaysToAnswer).toBe(43.5);
    expect(stats.answeredOnTimeShare).toBe(0.5);
    expect(stats.byMonth).toEqual([{ key: "2026-09", count: 10 }]);
    // One late case of six would be 0.833 × 6: the share is withheld.
    expect(complaintStats(rows.slice(0, 6)).answeredOnTimeShare).toBeNull();
  });
});
