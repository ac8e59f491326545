/**
 * The life of a complaint (DOMAIN.md §4) as a table-driven state machine: which event may
 * happen in which status, and what status follows. Services call `nextStatus` before any
 * write, so an illegal step is a 409 and nothing changes. "Closed" never means "fixed":
 * every answer carries a named outcome. A review request reopens an answered or closed
 * case (`under_review`); triage assigns it again and the case keeps its whole history.
 */
import { DomainError } from "../errors";

export const COMPLAINT_STATUSES = [
  "submitted",
  "accepted",
  "not_accepted",
  "assigned",
  "investigating",
  "answered",
  "closed",
  "under_review",
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  submitted: "已提交，待受理",
  accepted: "已受理，待分派",
  not_accepted: "不予受理",
  assigned: "已分派给责任部门",
  investigating: "调查处理中",
  answered: "已答复",
  closed: "已办结",
  under_review: "复查中",
};

export const OUTCOMES = ["substantiated", "partly_substantiated", "not_substantiated", "referred", "duplicate", "withdrawn"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  substantiated: "反映属实",
  partly_substantiated: "反映部分属实",
  not_substantiated: "反映不属实",
  referred: "已转交其他机关办理",
  duplicate: "重复投诉，已合并办理",
  withdrawn: "投诉人撤回",
};

export const RATINGS = ["satisfied", "basically_satisfied", "dissatisfied"] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { satisfied: "满意", basically_satisfied: "基本满意", dissatisfied: "不满意" };

export const COMPLAINT_EVENTS = [
  "accept",
  "not_accept",
  "merge",
  "recategorise",
  "assign",
  "request_information",
  "add_information",
  "extend",
  "approve_extension",
  "note",
  "draft_answer",
  "return_draft",
  "approve_answer",
  "rate",
  "request_review",
] as const;
export type ComplaintEvent = (typeof COMPLAINT_EVENTS)[number];

const ANY_OPEN: ComplaintStatus[] = ["submitted", "accepted", "assigned", "investigating", "under_review"];
const IN_HAND: ComplaintStatus[] = ["assigned", "investigating"];

/** For each event: the statuses it may happen in, and the status after it (`same` keeps it). */
const TRANSITIONS: Record<ComplaintEvent, { from: readonly ComplaintStatus[]; to: ComplaintStatus | "same" }> = {
  accept: { from: ["submitted"], to: "accepted" },
  not_accept: { from: ["submitted"], to: "not_accepted" },
  // A duplicate is answered by the case it joins; it closes with the outcome `duplicate`.
  merge: { from: ["submitted", "accepted", "assigned", "investigating"], to: "closed" },
  recategorise: { from: ANY_OPEN, to: "same" },
  assign: { from: ["accepted", "assigned", "investigating", "under_review"], to: "assigned" },
  request_information: { from: ANY_OPEN, to: "same" },
  add_information: { from: ANY_OPEN, to: "same" },
  extend: { from: ["accepted", ...IN_HAND], to: "same" },
  approve_extension: { from: ["accepted", ...IN_HAND], to: "same" },
  note: { from: IN_HAND, to: "investigating" },
  draft_answer: { from: IN_HAND, to: "investigating" },
  return_draft: { from: ["investigating"], to: "investigating" },
  approve_answer: { from: ["investigating"], to: "answered" },
  rate: { from: ["answered"], to: "closed" },
  request_review: { from: ["answered", "closed"], to: "under_review" },
};

export function canHappen(status: ComplaintStatus, event: ComplaintEvent): boolean {
  return TRANSITIONS[event].from.includes(status);
}

/** The status after `event`, or a 409 naming the current status when it may not happen now. */
export function nextStatus(status: ComplaintStatus, event: ComplaintEvent): ComplaintStatus {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(status)) {
    throw new DomainError("conflict", `这件投诉当前状态为“${STATUS_LABELS[status]}”，不能进行这项操作。请刷新后查看最新状态。`);
  }
  return rule.to === "same" ? status : rule.to;
}

/** Statuses in which the case still waits for the authorities (not a final answer). */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ANY_OPEN;

/** What a case's history records: the filing, every event, and each reveal of the filer's identity. */
export const HISTORY_KINDS = ["submit", ...COMPLAINT_EVENTS, "reveal_contact"] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const HISTORY_LABELS: Record<HistoryKind, string> = {
  submit: "收到投诉",
  accept: "决定受理",
  not_accept: "决定不予受理",
  merge: "与另一件投诉合并办理",
  recategorise: "调整投诉类别",
  assign: "分派给责任部门",
  request_information: "请投诉人补充材料",
  add_information: "投诉人补充材料",
  extend: "申请延长办理期限",
  approve_extension: "批准延长办理期限",
  note: "调查记录",
  draft_answer: "起草答复",
  return_draft: "答复稿退回修改",
  approve_answer: "答复投诉人",
  rate: "投诉人评价答复",
  request_review: "投诉人申请复查",
  reveal_contact: "查看投诉人身份",
};
