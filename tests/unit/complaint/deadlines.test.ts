import { describe, expect, it } from "vitest";
import {
  acceptanceClock,
  answerClock,
  canRequestReview,
  clockOf,
  pausedDays,
  reviewOpenUntil,
  type ClockFacts,
} from "../../../src/domain/complaint/deadlines";
import { addDays, daysBetween, shanghaiDate } from "../../../src/domain/complaint/time";

const facts = (over: Partial<ClockFacts> = {}): ClockFacts => ({
  receivedOn: "2026-09-01",
  decidedOn: null,
  acceptedOn: null,
  answeredOn: null,
  extensionDays: 0,
  reviewRequestedOn: null,
  pauses: [],
  ...over,
});

describe("calendar dates in Asia/Shanghai", () => {
  it("puts an instant after 16:00 UTC on the next Shanghai day", () => {
    expect(shanghaiDate("2026-09-01T15:59:59Z")).toBe("2026-09-01");
    expect(shanghaiDate("2026-09-01T16:00:00Z")).toBe("2026-09-02");
  });
  it("adds calendar days across months and leap years", () => {
    expect(addDays("2026-09-01", 15)).toBe("2026-09-16");
    expect(addDays("2028-02-20", 10)).toBe("2028-03-01");
    expect(daysBetween("2026-12-25", "2027-01-04")).toBe(10);
  });
});

describe("the acceptance clock (15 days, art. 23)", () => {
  it("is due 15 calendar days after receipt, the day of receipt not counted", () => {
    const clock = acceptanceClock(facts(), "2026-09-01");
    expect(clock.due).toBe("2026-09-16");
    expect(clock).toMatchObject({ state: "running", days: 15, words: "还剩 15 天（2026年9月16日 前）" });
  });
  it("says due today on the due date and overdue in days after it", () => {
    expect(acceptanceClock(facts(), "2026-09-16").words).toBe("今天到期（2026年9月16日）");
    expect(acceptanceClock(facts(), "2026-09-19")).toMatchObject({ state: "overdue", days: 3, words: "已逾期 3 天（应于 2026年9月16日 前完成）" });
  });
  it("counts a decision on the due date as on time, and one a day later as late", () => {
    expect(acceptanceClock(facts({ decidedOn: "2026-09-16" }), "2026-10-30").state).toBe("met");
    expect(acceptanceClock(facts({ decidedOn: "2026-09-17" }), "2026-10-30")).toMatchObject({ state: "late", days: 1 });
  });
  it("pauses while the filer is asked for information and moves the due date by the days paused", () => {
    const open = acceptanceClock(facts({ pauses: [{ from: "2026-09-05", to: null }] }), "2026-09-08");
    expect(open.state).toBe("paused");
    expect(open.due).toBe("2026-09-19");
    const closed = acceptanceClock(facts({ pauses: [{ from: "2026-09-05", to: "2026-09-09" }] }), "2026-09-18");
    expect(closed).toMatchObject({ state: "running", due: "2026-09-20", days: 2 });
  });
});

describe("the answer clock (60 days from acceptance, one extension ≤ 30 days, art. 34)", () => {
  const accepted = facts({ decidedOn: "2026-09-03", acceptedOn: "2026-09-03" });
  it("does not run before acceptance", () => {
    expect(answerClock(facts(), "2026-09-02")).toBeNull();
  });
  it("is due 60 days after acceptance, moved by the extension", () => {
    expect(answerClock(accepted, "2026-09-03")!.due).toBe("2026-11-02");
    expect(answerClock({ ...accepted, extensionDays: 30 }, "2026-09-03")!.due).toBe("2026-12-02");
  });
  it("ignores pauses from before acceptance", () => {
    const f = { ...accepted, pauses: [{ from: "2026-09-01", to: "2026-09-03" }] };
    expect(answerClock(f, "2026-09-04")!.due).toBe("2026-11-02");
  });
  it("restarts as a 30-day review clock when the filer asks for a review", () => {
    const f = { ...accepted, answeredOn: "2026-10-01", reviewRequestedOn: "2026-10-10" };
    expect(answerClock(f, "2026-10-10")).toMatchObject({ due: "2026-11-09", state: "running" });
  });
});

describe("the review window (30 days, art. 35)", () => {
  it("is open through the 30th day after the answer and closed the day after", () => {
    expect(reviewOpenUntil("2026-10-01")).toBe("2026-10-31");
    expect(canRequestReview("2026-10-01", "2026-10-31")).toBe(true);
    expect(canRequestReview("2026-10-01", "2026-11-01")).toBe(false);
    expect(canRequestReview(null, "2026-10-01")).toBe(false);
  });
});

describe("paused days", () => {
  it("adds closed pauses and counts an open one up to today", () => {
    expect(pausedDays([{ from: "2026-09-01", to: "2026-09-04" }, { from: "2026-09-10", to: null }], "2026-09-12")).toBe(5);
    expect(clockOf({ start: "2026-09-01", days: 1, pauses: [], doneOn: null, today: "2026-09-01" }).days).toBe(1);
  });
});
