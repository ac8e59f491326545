/**
 * The console home's enrolment counts in words (issue 19; services/enrolment/
 * count-application-queues), each a link to the review queue filtered to exactly those
 * applications: new ones to review, ones whose family has sent the information asked for
 * (which puts them under review), and offers the family has not answered yet.
 */
import type { ApplicationState } from "./states";

export const APPLICATION_COUNT_KEYS = ["review", "information", "offered"] as const;
export type ApplicationCountKey = (typeof APPLICATION_COUNT_KEYS)[number];

/** The state each count is, and the queue filter its link opens. */
export const APPLICATION_COUNT_STATES: Record<ApplicationCountKey, ApplicationState> = {
  review: "submitted",
  information: "under_review",
  offered: "offered",
};

export const APPLICATION_COUNT_LABELS: Record<ApplicationCountKey, string> = {
  review: "待审核的申请",
  information: "家庭已补充材料的申请",
  offered: "等待家庭答复的学位",
};
