/**
 * Vocabularies of the school-place allocation (DOMAIN.md §3): priority tiers, the reason an
 * applicant got the result it got, and what happened at each ranked choice. Each is one
 * `as const` array with its Chinese labels beside it (DESIGN.md convention 4), reused by
 * the zod schemas, the explanations and whoever stores or shows the results.
 */

/** The algorithm, named in every result so that a re-run uses the same rules. Bump the
 *  version whenever a change could alter any outcome (priority order, lottery derivation). */
export const ALGORITHM = { name: "student-proposing-deferred-acceptance", version: "1.0.0" } as const;

/** Priority tiers at a program, best first: living in the school's 施教区 beats everything. */
export const PRIORITY_TIERS = ["catchment", "other"] as const;
export type PriorityTier = (typeof PRIORITY_TIERS)[number];
export const PRIORITY_TIER_LABELS: Record<PriorityTier, string> = { catchment: "施教区内", other: "施教区外" };

/** Why an applicant ended where it did, for machines (the explanation says it for people). */
export const ALLOCATION_REASONS = ["first_choice", "lower_choice", "unplaced", "no_choices"] as const;
export type AllocationReason = (typeof ALLOCATION_REASONS)[number];
export const ALLOCATION_REASON_LABELS: Record<AllocationReason, string> = {
  first_choice: "录取第一志愿",
  lower_choice: "录取较后志愿",
  unplaced: "暂未录取（候补）",
  no_choices: "未填报志愿",
};

/** The result at one ranked choice: admitted; not admitted and waiting (every choice above
 *  the offer); or not considered because a better choice admitted the applicant. */
export const CHOICE_OUTCOMES = ["offered", "waitlisted", "not_needed"] as const;
export type ChoiceOutcome = (typeof CHOICE_OUTCOMES)[number];
export const CHOICE_OUTCOME_LABELS: Record<ChoiceOutcome, string> = {
  offered: "已录取",
  waitlisted: "候补",
  not_needed: "已录取更靠前的志愿，不再参与",
};

/** What decided a "not admitted" against the program's cut-off: no seats at all, or the
 *  first priority criterion on which the applicant fell behind the last admitted one. */
export const DECIDING_CRITERIA = ["no_seats", "tier", "points", "lottery"] as const;
export type DecidingCriterion = (typeof DECIDING_CRITERIA)[number];
export const DECIDING_CRITERION_LABELS: Record<DecidingCriterion, string> = {
  no_seats: "无学位",
  tier: "施教区",
  points: "积分",
  lottery: "随机号",
};

/** Why an offer changed after publication (waitlist movement). */
export const OFFER_CHANGE_REASONS = ["declined", "moved_up"] as const;
export type OfferChangeReason = (typeof OFFER_CHANGE_REASONS)[number];
