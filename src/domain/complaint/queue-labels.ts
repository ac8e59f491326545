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

/** The console home's counts (services/complaint/count-complaint-queues), each a link to its queue. */
export const QUEUE_COUNT_LABELS = {
  new: "新收到的投诉",
  today: DUE_FILTER_LABELS.today,
  soon: DUE_FILTER_LABELS.soon,
  overdue: DUE_FILTER_LABELS.overdue,
  draft: "等待我审核的答复稿",
  extension: "等待我批准的延期",
  information: "投诉人已补充材料",
} as const;
