/**
 * What the staff queue stores of a case's clocks: the one live clock's due date, whether that
 * date is fixed or floats with an open information request, and `urgency`, the single sort
 * key the queue orders and filters on in SQL (issue 19). Every value is a projection of
 * `caseClocks` (./deadlines), never a second computation, so a stored row always says what
 * the clock function says on the day the row was written. "Overdue" and "due today" are not
 * stored: they depend on today's Beijing date, so the queue compares `urgency` with it in SQL.
 *
 * The live clock is the acceptance clock until the case is decided, then the current answer
 * round (original or review). A clock that is met, late or stopped is not live, and a case in
 * a final or waiting-for-the-filer status (answered, closed, not accepted; merged cases close)
 * carries no due date at all.
 *
 * `urgency` is `<rank>:<due date>`, so plain text order is the queue's order:
 * - `0:YYYY-MM-DD`: the due date is fixed (running or overdue, or paused by a request that
 *   began on or after the due date, which moves nothing); overdue cases sort first because
 *   their dates are the earliest.
 * - `1:YYYY-MM-DD`: paused by an open request that began before the due date; the due date
 *   moves a day for each day of waiting (caseClocks keeps the days left constant), so such a
 *   case is never due while it waits; it sorts after every fixed date, by the date as of the
 *   last change.
 * - `2:`: no live clock; last.
 */
import type { CaseClocks, Clock } from "./deadlines";
import type { IsoDate } from "./time";
import type { ComplaintStatus } from "./states";

export const QUEUE_CLOCK_STATES = ["running", "paused"] as const;
export type QueueClockState = (typeof QUEUE_CLOCK_STATES)[number];

export type QueueClock = { dueOn: IsoDate | null; clockState: QueueClockState | null; urgency: string; pendingExtensionDays: number };

/** The `urgency` of cases with no live clock; also the column's default. */
export const NO_CLOCK_URGENCY = "2:";
/** `urgency` prefixes: a fixed due date, a floating (paused) one. */
export const FIXED_DUE = "0:";
export const FLOATING_DUE = "1:";

const WITHOUT_CLOCK: readonly ComplaintStatus[] = ["answered", "closed", "not_accepted"];
const isLive = (c: Clock | null): c is Clock => !!c && (c.state === "running" || c.state === "paused" || c.state === "overdue");

export function queueClock(clocks: CaseClocks, status: ComplaintStatus): QueueClock {
  const live = [clocks.acceptance, clocks.answer].find(isLive);
  const pendingExtensionDays = clocks.pendingExtensionDays;
  if (!live || WITHOUT_CLOCK.includes(status)) return { dueOn: null, clockState: null, urgency: NO_CLOCK_URGENCY, pendingExtensionDays };
  // A paused clock with days left floats (its due date moves with today); one paused on its
  // due date (0 days left) was asked after the date had come, so its date is fixed.
  const floating = live.state === "paused" && live.days > 0;
  return floating
    ? { dueOn: live.due, clockState: "paused", urgency: `${FLOATING_DUE}${live.due}`, pendingExtensionDays }
    : { dueOn: live.due, clockState: "running", urgency: `${FIXED_DUE}${live.due}`, pendingExtensionDays };
}
