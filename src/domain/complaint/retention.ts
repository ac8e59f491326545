/**
 * How long complaint details are kept (PIPL art. 19: no longer than the purpose needs).
 * A case's identifying content (the filer's sealed identity, what they wrote, every free
 * text in its history, the answer and drafts) is erased three years after it was finally
 * dealt with (answered, not accepted or merged), the period this demo assumes for 信访
 * case files; the counts, dates, category, school, department and outcome stay, so the
 * public statistics do not change when the details go. Local practice: keep it configurable.
 */
import { addDays, type IsoDate } from "./time";

export const COMPLAINT_RETENTION_DAYS = 3 * 365;

/** The last date a case finished on `finishedOn` keeps its details. */
export function retainedUntil(finishedOn: IsoDate): IsoDate {
  return addDays(finishedOn, COMPLAINT_RETENTION_DAYS);
}

export const ERASED_TEXT = "（已按保存期限删除）";
