/**
 * The staff queue's words for its due-date filters (issue 19), shared by the queue's filter
 * form and the dashboard's counts so the link and the filter it opens say the same thing.
 */
import type { DueFilter, WaitingFilter } from "./schemas";

export const DUE_FILTER_LABELS: Record<DueFilter, string> = {
  overdue: "已逾期",
  today: "今天到期",
  soon: "3天内到期",
};

export const WAITING_FILTER_LABELS: Record<WaitingFilter, string> = {
  draft: "答复稿待审核",
  extension: "延期待批准",
  information: "投诉人已补充材料",
};
