/**
 * Deadline arithmetic of 信访工作条例 (2022) for complaints, in calendar days of
 * Asia/Shanghai (`./time.ts`), as ONE pure function of the case's history: `caseClocks`
 * takes the dated events of a case, in the order they happened, and today's date, and
 * returns the acceptance clock and the answer clock. Nothing else computes a due date (the
 * views, the verbs, the statistics and a future stored due-date column all call it).
 *
 * The periods: decide whether to accept within 15 days of receipt (art. 23); answer within
 * 60 days of acceptance (art. 34), extendable ONCE by at most 30 days with the approval of
 * the agency's head; a review may be asked for within 30 days of the answer and is answered
 * within 30 days of the request (art. 35). Counting: the day of the event is not counted
 * (民法典 art. 201), so "within 15 days" of a case received on 1 September means by the end
 * of 16 September (inclusive); work done on the due date is on time. Calendar days, with no
 * holiday shift (which only makes our dates stricter than the law's).
 *
 * The rule per state (a clock is computed from its start, its allowance of days, the pauses
 * that fall inside it, and what ended it):
 * - running: started and not ended; due = start + allowance + the paused days that began
 *   before the (moving) due date; "今天到期" on the due date itself.
 * - paused: an information request to the filer is open today (asked before or after
 *   acceptance: a request still open when the case is accepted pauses the answer clock from
 *   that day); each whole day waiting moves the due date by one. A request opened after the
 *   due date has passed revives nothing: the clock is overdue.
 * - overdue: running or paused, and today is after the due date.
 * - met / late: ended by its own step (acceptance: the decision to accept or not; answer:
 *   the answer approved after the round began, compared by order, not by date, so a review
 *   asked for on the day of the answer waits for its own answer) on or before / after due.
 * - stopped: the case was merged into another before this clock ended; the clock stops that
 *   day and is never overdue. A withdrawn case ends with an answer (outcome `withdrawn`), and
 *   a closed case was answered or merged first, so both are covered above.
 * The answer clock: null before acceptance (and for a case not accepted); 60 days from
 * acceptance, plus an extension only once a supervisor approved the intake's request before
 * the answer (`extend` then `approve_extension`; the allowance grows from the approval on,
 * counted from the original start); after a review request, the 30-day review round
 * replaces it.
 */
import { addDays, chineseDate, daysBetween, type IsoDate } from "./time";

export const ACCEPT_WITHIN_DAYS = 15;
export const ANSWER_WITHIN_DAYS = 60;
export const MAX_EXTENSION_DAYS = 30;
export const REVIEW_REQUEST_WITHIN_DAYS = 30;
export const REVIEW_ANSWER_WITHIN_DAYS = 30;

/** A request for more information from the filer: `to` is null while it is open. */
export type Pause = { from: IsoDate; to: IsoDate | null };

export const CLOCK_STATES = ["running", "paused", "overdue", "met", "late", "stopped"] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export type Clock = {
  /** The current due date (pauses and approved extension included), inclusive. */
  due: IsoDate;
  state: ClockState;
  /** Days until due (running/paused), days over (overdue/late), 0 when met or stopped. */
  days: number;
  /** The clock in plain words for staff and filers. */
  words: string;
};

/** The steps of a case's history that move a clock, each with its Shanghai calendar date. */
export const CLOCK_EVENT_KINDS = [
  "submit",
  "accept",
  "not_accept",
  "merge",
  "request_information",
  "add_information",
  "extend",
  "approve_extension",
  "approve_answer",
  "request_review",
] as const;
export type ClockEventKind = (typeof CLOCK_EVENT_KINDS)[number];
/** `days` is read only on `extend` (the days asked for). */
export type CaseEvent = { kind: ClockEventKind; on: IsoDate; days?: number };

export type CaseClocks = {
  acceptance: Clock;
  /** The current answer round (original or review); null before acceptance. */
  answer: Clock | null;
  /** Days of an extension asked for and not yet approved (0 when none). */
  pendingExtensionDays: number;
  /** Days of the approved extension (0 when none). */
  extensionDays: number;
};

type Span = { start: IsoDate; days: number; doneOn: IsoDate | null; stoppedOn: IsoDate | null };

/** Due date: the allowance, moved by each paused stretch (a, b] that began before the due date. */
function dueOf(span: Span, pauses: readonly Pause[], until: IsoDate): IsoDate {
  const stretches = pauses
    .map((p) => ({ a: p.from > span.start ? p.from : span.start, b: p.to === null || p.to > until ? until : p.to }))
    .filter((s) => s.b > s.a)
    .sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : 0));
  let due = addDays(span.start, span.days);
  let covered = span.start;
  for (const { a, b } of stretches) {
    const from = a > covered ? a : covered; // overlapping stretches count once
    if (b <= from) continue;
    if (from < due) due = addDays(due, daysBetween(from, b));
    covered = b;
  }
  return due;
}

function clockOf(span: Span, pauses: readonly Pause[], today: IsoDate, stopWords: string): Clock {
  const until = span.doneOn ?? span.stoppedOn ?? today;
  const due = dueOf(span, pauses, until);
  const dueWords = `${chineseDate(due)}（含）`;
  if (span.doneOn) {
    const late = daysBetween(due, span.doneOn);
    return late > 0
      ? { due, state: "late", days: late, words: `已完成，逾期${late}天，期限为${dueWords}。` }
      : { due, state: "met", days: 0, words: `已按期完成，期限为${dueWords}。` };
  }
  if (span.stoppedOn) return { due, state: "stopped", days: 0, words: stopWords };
  const left = daysBetween(today, due);
  if (left < 0) return { due, state: "overdue", days: -left, words: `已逾期${-left}天，应于${dueWords}前完成。` };
  if (pauses.some((p) => p.to === null && p.from <= today)) {
    return { due, state: "paused", days: left, words: "暂停计时：正在等待投诉人补充材料，补充后期限顺延。" };
  }
  if (left === 0) return { due, state: "running", days: 0, words: `今天（${chineseDate(due)}）到期。` };
  return { due, state: "running", days: left, words: `还剩${left}天，${dueWords}前完成。` };
}

const MERGED_WORDS = "已停止计时：这件投诉已与另一件合并办理。";

/** The clocks of a case from its history (events in the order they happened) as of `today`. */
export function caseClocks(history: readonly CaseEvent[], today: IsoDate): CaseClocks {
  const receivedOn = history.find((e) => e.kind === "submit")?.on ?? history[0]?.on ?? today;
  const acceptance: Span = { start: receivedOn, days: ACCEPT_WITHIN_DAYS, doneOn: null, stoppedOn: null };
  const rounds: Span[] = [];
  const pauses: Pause[] = [];
  let pending = 0;
  let extension = 0;
  for (const e of history) {
    const round = rounds.at(-1);
    const open = (s: Span | undefined): s is Span => !!s && !s.doneOn && !s.stoppedOn;
    switch (e.kind) {
      case "accept":
      case "not_accept":
        if (!open(acceptance)) break;
        acceptance.doneOn = e.on;
        if (e.kind === "accept") rounds.push({ start: e.on, days: ANSWER_WITHIN_DAYS, doneOn: null, stoppedOn: null });
        break;
      case "merge":
        if (open(acceptance)) acceptance.stoppedOn = e.on;
        if (open(round)) round.stoppedOn = e.on;
        break;
      case "request_information":
        if (!pauses.some((p) => p.to === null)) pauses.push({ from: e.on, to: null });
        break;
      case "add_information":
        for (const p of pauses) if (p.to === null) p.to = e.on;
        break;
      case "extend":
        if (rounds.length === 1 && open(round) && extension === 0 && pending === 0) pending = Math.min(MAX_EXTENSION_DAYS, Math.max(0, e.days ?? 0));
        break;
      case "approve_extension":
        if (rounds.length === 1 && open(round) && pending > 0) {
          extension = pending;
          round.days += pending;
          pending = 0;
        }
        break;
      case "approve_answer":
        if (open(round)) round.doneOn = e.on;
        pending = 0;
        break;
      case "request_review":
        if (round?.doneOn) rounds.push({ start: e.on, days: REVIEW_ANSWER_WITHIN_DAYS, doneOn: null, stoppedOn: null });
        break;
      case "submit":
        break;
    }
  }
  const round = rounds.at(-1);
  return {
    acceptance: clockOf(acceptance, pauses, today, MERGED_WORDS),
    answer: round ? clockOf(round, pauses, today, MERGED_WORDS) : null,
    pendingExtensionDays: pending,
    extensionDays: extension,
  };
}

/** The last day the filer may ask for a review of an answer given on `answeredOn`. */
export function reviewOpenUntil(answeredOn: IsoDate): IsoDate {
  return addDays(answeredOn, REVIEW_REQUEST_WITHIN_DAYS);
}

export function canRequestReview(answeredOn: IsoDate | null, today: IsoDate): boolean {
  return answeredOn !== null && today <= reviewOpenUntil(answeredOn);
}

/** Days from one date to another, for the public medians (acceptance, answer). */
export { daysBetween };
