/**
 * Vocabularies of the accountability pages (the pattern of Decidim's results and promise
 * trackers): commitment statuses with their labels and default progress, and the kinds of
 * responsible body named in clause 5.1. Data files use the codes, pages the labels.
 */

/** A commitment's status. Order is the order of the filters and the counts. */
export const COMMITMENT_STATUSES = ["not-started", "in-progress", "done", "delayed", "adjusted"] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = {
  "not-started": "未启动",
  "in-progress": "推进中",
  done: "已完成",
  delayed: "滞后",
  adjusted: "调整",
};
/** Progress implied by the status alone; the others need a figure (progress or history). */
export const DEFAULT_PROGRESS: Partial<Record<CommitmentStatus, number>> = { "not-started": 0, done: 100 };

/** Who a department file describes: a district department, the townships, or the leading group. */
export const BODY_KINDS = ["department", "township", "group"] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const BODY_KIND_LABELS: Record<BodyKind, string> = { department: "区直部门", township: "乡镇", group: "议事协调机构" };
