/**
 * How long complaint details are kept (PIPL art. 19: no longer than the purpose needs): the
 * privacy notice's RETENTION.complaintMonths (src/domain/privacy-notice.ts), counted from the
 * day a case was finally dealt with (answered, not accepted or merged). On that many months
 * after it, the case's identifying content (the filer's sealed identity, what they wrote,
 * every free text in its history, the answer and drafts) is erased; the counts, dates,
 * category, school, department and outcome stay, so the public statistics do not change when
 * the details go.
 */
import { addCalendarMonths, RETENTION } from "../privacy-notice";
import { addDays, type IsoDate } from "./time";

/** The first date on which a case finished on `finishedOn` no longer keeps its details. */
export function erasedOn(finishedOn: IsoDate): IsoDate {
  return addCalendarMonths(finishedOn, RETENTION.complaintMonths);
}

/** The last finishing date whose details are due for erasure on `today` (Beijing date). */
export function erasureCutoff(today: IsoDate): IsoDate {
  // erasedOn(f) <= today ⇔ f <= today − months, except where month ends clamp; step back until exact.
  let cutoff = addCalendarMonths(today, -RETENTION.complaintMonths);
  while (erasedOn(addDays(cutoff, 1)) <= today) cutoff = addDays(cutoff, 1);
  while (erasedOn(cutoff) > today) cutoff = addDays(cutoff, -1);
  return cutoff;
}

export const ERASED_TEXT = "（已按保存期限删除）";
