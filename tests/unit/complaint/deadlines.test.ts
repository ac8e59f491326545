/**
 * The complaint clocks as a pure function of the case's history (issue 22 item 2): fixed
 * cases for each rule and each state, the three findings of issue 22 as fixed tests, and a
 * fast-check property comparing `caseClocks` with an independent day-by-day model
 * (./clock-model) over random event histories (more runs with CLOCK_PROPERTY_RUNS).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canRequestReview, caseClocks, CLOCK_EVENT_KINDS, reviewOpenUntil, type CaseEvent } from "../../../src/domain/complaint/deadlines";
import { addDays, daysBetween, shanghaiDate } from "../../../src/domain/complaint/time";
import { modelClocks } from "./clock-model";

const RUNS = Number(process.env.CLOCK_PROPERTY_RUNS ?? 400);
const ev = (kind: CaseEvent["kind"], on: string, days?: number): CaseEvent => ({ kind, on, ...(days === undefined ? {} : { days }) });
const received = [ev("submit", "2026-09-01")];
const accepted = [...received, ev("accept", "2026-09-03")];

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
  it("is due 15 calendar days after receipt, the day of receipt not counted, inclusive", () => {
    const { acceptance } = caseClocks(received, "2026-09-01");
    expect(acceptance).toMatchObject({ due: "2026-09-16", state: "running", days: 15, words: "还剩15天，2026年9月16日（含）前完成。" });
  });
  it("says due today on the due date and overdue in days after it", () => {
    expect(caseClocks(received, "2026-09-16").acceptance.words).toBe("今天（2026年9月16日）到期。");
    expect(caseClocks(received, "2026-09-19").acceptance).toMatchObject({ state: "overdue", days: 3, words: "已逾期3天，应于2026年9月16日（含）前完成。" });
  });
  it("counts a decision on the due date as on time, and one a day later as late", () => {
    expect(caseClocks([...received, ev("accept", "2026-09-16")], "2026-10-30").acceptance.state).toBe("met");
    expect(caseClocks([...received, ev("not_accept", "2026-09-17")], "2026-10-30").acceptance).toMatchObject({ state: "late", days: 1 });
  });
  it("pauses while the filer is asked for information and moves the due date by the days paused", () => {
    const open = caseClocks([...received, ev("request_information", "2026-09-05")], "2026-09-08").acceptance;
    expect(open).toMatchObject({ state: "paused", due: "2026-09-19" });
    const closed = caseClocks([...received, ev("request_information", "2026-09-05"), ev("add_information", "2026-09-09")], "2026-09-18").acceptance;
    expect(closed).toMatchObject({ state: "running", due: "2026-09-20", days: 2 });
  });
  it("does not revive an overdue clock with a request made after the due date", () => {
    expect(caseClocks([...received, ev("request_information", "2026-09-18")], "2026-09-20").acceptance).toMatchObject({ state: "overdue", due: "2026-09-16", days: 4 });
  });
});

describe("the answer clock (60 days from acceptance, one approved extension ≤ 30 days, art. 34)", () => {
  it("does not run before acceptance, nor for a case not accepted", () => {
    expect(caseClocks(received, "2026-09-02").answer).toBeNull();
    expect(caseClocks([...received, ev("not_accept", "2026-09-02")], "2026-09-02").answer).toBeNull();
  });
  it("is due 60 days after acceptance", () => {
    expect(caseClocks(accepted, "2026-09-03").answer!.due).toBe("2026-11-02");
  });
  it("moves by an extension only once a supervisor approved it, counted from the original start", () => {
    const asked = [...accepted, ev("extend", "2026-09-10", 30)];
    expect(caseClocks(asked, "2026-09-10")).toMatchObject({ pendingExtensionDays: 30, extensionDays: 0, answer: { due: "2026-11-02" } });
    const approved = [...asked, ev("approve_extension", "2026-09-12")];
    expect(caseClocks(approved, "2026-09-12")).toMatchObject({ pendingExtensionDays: 0, extensionDays: 30, answer: { due: "2026-12-02" } });
  });
  it("ignores an approval without a request, a second extension, and an approval after the answer", () => {
    expect(caseClocks([...accepted, ev("approve_extension", "2026-09-12")], "2026-09-12").answer!.due).toBe("2026-11-02");
    const twice = [...accepted, ev("extend", "2026-09-10", 10), ev("approve_extension", "2026-09-11"), ev("extend", "2026-09-12", 20), ev("approve_extension", "2026-09-13")];
    expect(caseClocks(twice, "2026-09-13").answer!.due).toBe("2026-11-12");
    const late = [...accepted, ev("extend", "2026-09-10", 10), ev("approve_answer", "2026-09-20"), ev("approve_extension", "2026-09-21")];
    expect(caseClocks(late, "2026-09-21")).toMatchObject({ extensionDays: 0, answer: { due: "2026-11-02", state: "met" } });
  });
  it("restarts as a 30-day review clock when the filer asks for a review", () => {
    const reviewed = [...accepted, ev("approve_answer", "2026-10-01"), ev("request_review", "2026-10-10")];
    expect(caseClocks(reviewed, "2026-10-10").answer).toMatchObject({ due: "2026-11-09", state: "running" });
    expect(caseClocks([...reviewed, ev("approve_answer", "2026-11-10")], "2026-11-20").answer).toMatchObject({ state: "late", days: 1 });
  });
});

describe("the three clock findings of issue 22", () => {
  it("(a) an information request made before acceptance pauses the answer clock while it stays open", () => {
    const history = [...received, ev("request_information", "2026-09-02"), ev("accept", "2026-09-03")];
    // 63 days after acceptance the case has waited on the filer all along: paused, not "已逾期 3 天".
    const clock = caseClocks(history, "2026-11-05").answer!;
    expect(clock.state).toBe("paused");
    expect(clock.due).toBe("2027-01-04");
    const answered = caseClocks([...history, ev("add_information", "2026-09-13")], "2026-11-05").answer!;
    expect(answered).toMatchObject({ state: "running", due: "2026-11-12" });
  });
  it("(b) a review requested on the day of the answer runs, and can go overdue", () => {
    const history = [...accepted, ev("approve_answer", "2026-10-01"), ev("request_review", "2026-10-01")];
    expect(caseClocks(history, "2026-10-05").answer).toMatchObject({ state: "running", due: "2026-10-31" });
    expect(caseClocks(history, "2026-11-05").answer).toMatchObject({ state: "overdue", days: 5 });
  });
  it("(c) a merged case stops its clock: never overdue", () => {
    const merged = caseClocks([...accepted, ev("merge", "2026-09-20")], "2027-01-01");
    expect(merged.answer).toMatchObject({ state: "stopped", days: 0 });
    expect(merged.answer!.words).toContain("已停止计时");
    expect(caseClocks([...received, ev("merge", "2026-09-05")], "2026-12-01").acceptance.state).toBe("stopped");
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

describe("caseClocks against an independent day-by-day model", () => {
  const kinds = CLOCK_EVENT_KINDS.filter((k) => k !== "submit");
  // Weighted so histories reach acceptance, answers and reviews often enough.
  const step = fc.record({
    // Same day, a few days, the periods' edges (15, 30, 60 days and their neighbours), or long.
    gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.constantFrom(14, 15, 16, 29, 30, 31, 59, 60, 61), fc.integer({ min: 6, max: 40 })),
    kind: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom("accept", "request_information", "add_information", "approve_answer") },
      { weight: 2, arbitrary: fc.constantFrom(...kinds) },
    ),
    days: fc.integer({ min: 1, max: 30 }),
  });
  const history = fc.record({ steps: fc.array(step, { maxLength: 14 }), tail: fc.integer({ min: 0, max: 120 }) }).map(({ steps, tail }) => {
    let on = "2026-09-01";
    const events: CaseEvent[] = [ev("submit", on)];
    for (const s of steps) {
      on = addDays(on, s.gap);
      events.push(ev(s.kind as CaseEvent["kind"], on, s.kind === "extend" ? s.days : undefined));
    }
    return { events, today: addDays(on, tail) };
  });

  it("agrees on every clock's due date, state and days", () => {
    fc.assert(
      fc.property(history, ({ events, today }) => {
        const got = caseClocks(events, today);
        const want = modelClocks(events, today);
        const pick = (c: { due: string; state: string; days: number } | null) => (c ? { due: c.due, state: c.state, days: c.days } : null);
        expect(pick(got.acceptance)).toEqual(want.acceptance);
        expect(pick(got.answer)).toEqual(want.answer);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
