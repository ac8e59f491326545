/**
 * The staff queue's words for its due-date filters (issue 19), shared by the queue's filter
 * form and the dashboard's counts so the link and the filter it opens say the same thing; and
 * what the queue says when a word search stopped early.
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

/**
 * A word search that walks the queue examines a bounded number of cases a page
 * (functions/services/complaint/internal/word-walk); when it stopped before the page was
 * full, the queue says what it looked at, what it found there, and how to go on.
 */
export const examinedWords = (examined: number, found: number) =>
  `在最紧急的${examined.toLocaleString("en-US")}件投诉中找到${found}件，后面的投诉还没有查看。请输入更具体的词（三个字以上）或加上筛选条件，或点“下一页”继续查找。`;
