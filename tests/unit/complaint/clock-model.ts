/**
 * An independent, deliberately simple model of the complaint clocks for the property test:
 * it walks a case's history day by day and counts the days on which a clock really ran (a
 * day is lost to a pause when an information request was open at the end of the day
 * before). A clock falls due on the day its count reaches its allowance. No interval
 * arithmetic, nothing shared with src/domain/complaint/deadlines except the constants and
 * the calendar helpers.
 */
import {
  ACCEPT_WITHIN_DAYS,
  ANSWER_WITHIN_DAYS,
  MAX_EXTENSION_DAYS,
  REVIEW_ANSWER_WITHIN_DAYS,
  type CaseEvent,
  type ClockState,
} from "../../../src/domain/complaint/deadlines";
import { addDays, daysBetween, type IsoDate } from "../../../src/domain/complaint/time";

type ModelClock = { due: IsoDate; state: ClockState; days: number };
type Run = { start: IsoDate; allowance: number; end: IsoDate | null; how: "done" | "stopped" | null };

export function modelClocks(history: readonly CaseEvent[], today: IsoDate): { acceptance: ModelClock; answer: ModelClock | null } {
  const received = history.find((e) => e.kind === "submit")?.on ?? history[0]?.on ?? today;
  const acceptance: Run = { start: received, allowance: ACCEPT_WITHIN_DAYS, end: null, how: null };
  const rounds: Run[] = [];
  let asked = 0;
  let granted = 0;
  // Whether an information request is open at the end of each day.
  const openAtEnd = new Map<IsoDate, boolean>();
  let open = false;
  let day = received;
  const advanceTo = (d: IsoDate) => {
    while (day < d) {
      openAtEnd.set(day, open);
      day = addDays(day, 1);
    }
  };
  for (const e of history) {
    advanceTo(e.on);
    const round = rounds[rounds.length - 1];
    const live = (r: Run | undefined) => r !== undefined && r.how === null;
    if (e.kind === "request_information") open = true;
    if (e.kind === "add_information") open = false;
    if ((e.kind === "accept" || e.kind === "not_accept") && live(acceptance)) {
      Object.assign(acceptance, { end: e.on, how: "done" });
      if (e.kind === "accept") rounds.push({ start: e.on, allowance: ANSWER_WITHIN_DAYS, end: null, how: null });
    }
    if (e.kind === "merge") {
      if (live(acceptance)) Object.assign(acceptance, { end: e.on, how: "stopped" });
      if (live(round)) Object.assign(round!, { end: e.on, how: "stopped" });
    }
    if (e.kind === "extend" && rounds.length === 1 && live(round) && granted === 0 && asked === 0) asked = Math.min(MAX_EXTENSION_DAYS, Math.max(0, e.days ?? 0));
    if (e.kind === "approve_extension" && rounds.length === 1 && live(round) && asked > 0) {
      granted = asked;
      round!.allowance += asked;
      asked = 0;
    }
    if (e.kind === "approve_answer") {
      if (live(round)) Object.assign(round!, { end: e.on, how: "done" });
      asked = 0;
    }
    if (e.kind === "request_review" && round && round.how === "done") rounds.push({ start: e.on, allowance: REVIEW_ANSWER_WITHIN_DAYS, end: null, how: null });
  }
  advanceTo(addDays(today, 1));
  const openToday = openAtEnd.get(today) ?? open;

  const clock = (run: Run): ModelClock => {
    const until = run.end ?? today;
    let counted = 0;
    let due: IsoDate | null = null;
    for (let d = addDays(run.start, 1); d <= until && due === null; d = addDays(d, 1)) {
      if (openAtEnd.get(addDays(d, -1))) continue;
      counted += 1;
      if (counted === run.allowance) due = d;
    }
    due ??= addDays(until, run.allowance - counted);
    if (run.how === "done") {
      const over = daysBetween(due, run.end!);
      return over > 0 ? { due, state: "late", days: over } : { due, state: "met", days: 0 };
    }
    if (run.how === "stopped") return { due, state: "stopped", days: 0 };
    const left = daysBetween(today, due);
    if (left < 0) return { due, state: "overdue", days: -left };
    return { due, state: openToday ? "paused" : "running", days: left };
  };
  const round = rounds[rounds.length - 1];
  return { acceptance: clock(acceptance), answer: round ? clock(round) : null };
}
