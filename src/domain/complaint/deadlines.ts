/**
 * Deadline arithmetic of 信访工作条例 (2022) for complaints, in calendar days of
 * Asia/Shanghai (`./time.ts`):
 * - decide whether to accept, and tell the filer, within 15 days of receipt (art. 23);
 * - answer within 60 days of acceptance (art. 34), extendable ONCE by at most 30 days, with a
 *   recorded notice to the filer;
 * - the filer may ask for a review within 30 days of the answer, and the review is answered
 *   within 30 days of the request (art. 35).
 * Counting: the day of the event is not counted (civil-law rule for periods, 民法典 art. 201),
 * so "within 15 days" of a case received on 1 September means by the end of 16 September;
 * work done on the due date is on time. Weekends and public holidays are counted (calendar
 * days); the rule that moves a due date off a holiday is NOT applied, which only makes our
 * dates stricter than the law's.
 * Pause rule: while staff wait for information they asked the filer for, the running clock
 * stops; each whole calendar day of an information request (from the day it was asked to
 * the day the filer answered, or today while it is open) moves the due date by one day.
 * Nothing else pauses a clock.
 */
import { addDays, chineseDate, daysBetween, type IsoDate } from "./time";

export const ACCEPT_WITHIN_DAYS = 15;
export const ANSWER_WITHIN_DAYS = 60;
export const MAX_EXTENSION_DAYS = 30;
export const REVIEW_REQUEST_WITHIN_DAYS = 30;
export const REVIEW_ANSWER_WITHIN_DAYS = 30;

/** A request for more information from the filer: `to` is null while it is open. */
export type Pause = { from: IsoDate; to: IsoDate | null };

export function pausedDays(pauses: readonly Pause[], today: IsoDate): number {
  return pauses.reduce((sum, p) => sum + Math.max(0, daysBetween(p.from, p.to ?? today)), 0);
}

export const CLOCK_STATES = ["running", "paused", "overdue", "met", "late"] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export type Clock = {
  /** The current due date (pauses and extension included). */
  due: IsoDate;
  state: ClockState;
  /** Days until due (running/paused), days over (overdue/late), 0 when met. */
  days: number;
  /** The clock in plain words for staff and filers. */
  words: string;
};

export function clockOf(input: { start: IsoDate; days: number; pauses: readonly Pause[]; doneOn: IsoDate | null; today: IsoDate }): Clock {
  const { start, days, pauses, doneOn, today } = input;
  const until = doneOn ?? today;
  const due = addDays(start, days + pausedDays(pauses, until));
  if (doneOn) {
    const late = daysBetween(due, doneOn);
    return late > 0
      ? { due, state: "late", days: late, words: `已完成，逾期 ${late} 天（期限 ${chineseDate(due)}）` }
      : { due, state: "met", days: 0, words: `已按期完成（期限 ${chineseDate(due)}）` };
  }
  if (pauses.some((p) => p.to === null)) {
    return { due, state: "paused", days: daysBetween(today, due), words: `暂停计时：等待投诉人补充材料（补充后期限顺延）` };
  }
  const left = daysBetween(today, due);
  if (left < 0) return { due, state: "overdue", days: -left, words: `已逾期 ${-left} 天（应于 ${chineseDate(due)} 前完成）` };
  if (left === 0) return { due, state: "running", days: 0, words: `今天到期（${chineseDate(due)}）` };
  return { due, state: "running", days: left, words: `还剩 ${left} 天（${chineseDate(due)} 前）` };
}

/** The facts of a case the clocks need (dates are Shanghai calendar dates). */
export type ClockFacts = {
  receivedOn: IsoDate;
  /** When accepted or not accepted; null while undecided. */
  decidedOn: IsoDate | null;
  acceptedOn: IsoDate | null;
  answeredOn: IsoDate | null;
  extensionDays: number;
  /** Set when the filer asked for a review: the answer clock restarts from it (30 days). */
  reviewRequestedOn: IsoDate | null;
  pauses: readonly Pause[];
};

/** Decision on acceptance: 15 days from receipt. */
export function acceptanceClock(f: ClockFacts, today: IsoDate): Clock {
  const pauses = f.pauses.filter((p) => f.decidedOn === null || p.from <= f.decidedOn);
  return clockOf({ start: f.receivedOn, days: ACCEPT_WITHIN_DAYS, pauses, doneOn: f.decidedOn, today });
}

/** The answer: 60 days (+ extension) from acceptance, or 30 days from a review request. Null before acceptance. */
export function answerClock(f: ClockFacts, today: IsoDate): Clock | null {
  if (f.reviewRequestedOn) {
    const pauses = f.pauses.filter((p) => p.from >= f.reviewRequestedOn!);
    const done = f.answeredOn && f.answeredOn >= f.reviewRequestedOn ? f.answeredOn : null;
    return clockOf({ start: f.reviewRequestedOn, days: REVIEW_ANSWER_WITHIN_DAYS, pauses, doneOn: done, today });
  }
  if (!f.acceptedOn) return null;
  const pauses = f.pauses.filter((p) => p.from >= f.acceptedOn!);
  return clockOf({ start: f.acceptedOn, days: ANSWER_WITHIN_DAYS + f.extensionDays, pauses, doneOn: f.answeredOn, today });
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
