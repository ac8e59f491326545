/**
 * What a filer may still do with an answer, and the real reason when not (issue 22 item 3).
 * A case has answer rounds: the original answer and, after a review request, the review's
 * answer. Each answer can be rated once; a review can be asked for once, within 30 days of
 * the original answer, and only of a case that was accepted and answered. The verbs refuse
 * with these sentences and the tracking page shows a step only when its refusal is null, so
 * the two never disagree.
 */
import { canRequestReview } from "./deadlines";
import type { ComplaintStatus } from "./states";
import type { IsoDate } from "./time";

export type AnswerFacts = {
  status: ComplaintStatus;
  answeredOn: IsoDate | null;
  /** Whether the latest answer (original or review) has been rated. */
  latestAnswerRated: boolean;
  reviewRequested: boolean;
  mergedInto: string | null;
};

/** Whether the latest answer was rated: a `rate` event after the last `approve_answer`. */
export function latestAnswerRated(kinds: readonly string[]): boolean {
  return kinds.lastIndexOf("rate") > kinds.lastIndexOf("approve_answer") && kinds.includes("approve_answer");
}

/** Why the filer cannot rate now, or null when they can. */
export function rateRefusal(f: AnswerFacts): string | null {
  if (f.status === "under_review") return "复查正在进行，复查答复发出后可以评价复查答复。";
  if (f.status === "not_accepted") return "这件投诉没有受理，没有可以评价的答复。";
  if (f.mergedInto) return "这件投诉已与另一件合并办理，请在合并后的投诉中评价答复。";
  if (!f.answeredOn) return "这件投诉还没有答复，答复后才能评价。";
  if (f.latestAnswerRated) return f.reviewRequested ? "您已经评价过复查答复。" : "您已经评价过这次答复。";
  return null;
}

export const REVIEW_TOO_LATE = "申请复查须在收到答复之日起30日内提出，现已超过期限。";

/** Why the filer cannot ask for a review now, or null when they can. */
export function reviewRefusal(f: AnswerFacts, today: IsoDate): string | null {
  if (f.status === "not_accepted") return "这件投诉没有受理，不能申请复查。如对不予受理的决定有异议，请联系区教育局。";
  if (f.mergedInto) return "这件投诉已与另一件合并办理，请在合并后的投诉中申请复查。";
  if (f.reviewRequested) return "这件投诉已经申请过复查，复查答复是最终答复；如仍有异议，可以向上一级机关申请复核。";
  if (!f.answeredOn) return "这件投诉还没有答复，答复后才能申请复查。";
  if (!canRequestReview(f.answeredOn, today)) return REVIEW_TOO_LATE;
  return null;
}
