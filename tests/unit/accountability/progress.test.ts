import { describe, expect, it } from "vitest";
import { Commitment } from "../../../src/domain/accountability/department";
import { countsByStatus, isOverdue, overallProgress, progressOf } from "../../../src/domain/accountability/progress";

const commitment = (fields: Record<string, unknown>) =>
  Commitment.parse({ id: "x", title: "一项承诺", clause: "2.3", target: { value: 80, unit: "%" }, deadline: "2026-06-30", status: "in-progress", ...fields });

describe("a commitment's progress", () => {
  it("defaults to 0% when not started and 100% when done", () => {
    expect(progressOf(commitment({ status: "not-started" }))).toBe(0);
    expect(progressOf(commitment({ status: "done" }))).toBe(100);
  });

  it("takes the latest history entry, unless a figure is given", () => {
    const history = [
      { date: "2026-01-01", value: 20, note: "第一次进展" },
      { date: "2026-05-01", value: 45, note: "第二次进展" },
    ];
    expect(progressOf(commitment({ history }))).toBe(45);
    expect(progressOf(commitment({ history, progress: 50 }))).toBe(50);
    expect(progressOf(commitment({}))).toBeUndefined();
  });

  it("is overdue after its deadline unless done, judged on the as-of date, not the clock", () => {
    expect(isOverdue(commitment({ status: "delayed" }), "2026-07-01")).toBe(true);
    expect(isOverdue(commitment({ status: "delayed" }), "2026-06-30")).toBe(false);
    expect(isOverdue(commitment({ status: "done" }), "2027-01-01")).toBe(false);
  });

  it("counts a body's commitments by status and averages their progress", () => {
    const list = [commitment({ status: "done" }), commitment({ status: "not-started" }), commitment({ progress: 60 })];
    expect(countsByStatus(list)).toEqual({ "not-started": 1, "in-progress": 1, done: 1, delayed: 0, adjusted: 0 });
    expect(overallProgress(list)).toBe(53);
    expect(overallProgress([])).toBeNull();
  });
});
