/**
 * The life of an application (DOMAIN.md §3) as a state machine: a table of the events each
 * state allows and where they lead. Everything not in the table is refused, so a request
 * cannot, say, offer a place to an ineligible child or accept an offer twice.
 */
import { DomainError } from "../errors";

export const APPLICATION_STATES = [
  "draft",
  "submitted",
  "under_review",
  "more_info_requested",
  "eligible",
  "ineligible",
  "offered",
  "waitlisted",
  "accepted",
  "declined",
  "lapsed",
  "enrolled",
  "withdrawn",
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_STATE_LABELS: Record<ApplicationState, string> = {
  draft: "草稿",
  submitted: "已提交",
  under_review: "审核中",
  more_info_requested: "需补充材料",
  eligible: "符合条件",
  ineligible: "不符合条件",
  offered: "已安排学位",
  waitlisted: "候补中",
  accepted: "已接受学位",
  declined: "已放弃学位",
  lapsed: "已过期",
  enrolled: "已入学",
  withdrawn: "已撤回",
};

export const APPLICATION_EVENTS = [
  "submit",
  "start_review",
  "request_info",
  "provide_info",
  "decide_eligible",
  "decide_ineligible",
  "offer",
  "waitlist",
  "accept",
  "decline",
  "lapse",
  "enrol",
  "withdraw",
] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

/** The allowed transitions; anything absent is illegal. */
export const TRANSITIONS: Record<ApplicationState, Partial<Record<ApplicationEvent, ApplicationState>>> = {
  draft: { submit: "submitted" },
  submitted: { start_review: "under_review", request_info: "more_info_requested", decide_eligible: "eligible", decide_ineligible: "ineligible", withdraw: "withdrawn" },
  under_review: { request_info: "more_info_requested", decide_eligible: "eligible", decide_ineligible: "ineligible", withdraw: "withdrawn" },
  more_info_requested: { provide_info: "under_review", decide_eligible: "eligible", decide_ineligible: "ineligible", withdraw: "withdrawn" },
  eligible: { offer: "offered", waitlist: "waitlisted", withdraw: "withdrawn" },
  ineligible: {},
  // A waitlisted family is offered when a place frees up (the waitlist moves).
  waitlisted: { offer: "offered", withdraw: "withdrawn" },
  // An offered family may be offered a higher-ranked school from its waitlist before it answers.
  // An offer not accepted by its deadline lapses (offer-lapse.ts); the place goes on as after a decline.
  offered: { accept: "accepted", decline: "declined", lapse: "lapsed", offer: "offered", withdraw: "withdrawn" },
  // Accepting keeps the family on the waitlists of schools it ranked higher. A freed place there
  // moves the accepted place up at once (it stays accepted, docs/draw-protocol.md "Moved up after
  // accepting"): a family that has accepted never goes back to an offer it could let lapse.
  accepted: { enrol: "enrolled", offer: "accepted", withdraw: "withdrawn" },
  declined: {},
  lapsed: {},
  enrolled: {},
  withdrawn: {},
};

export function canTransition(from: ApplicationState, event: ApplicationEvent): boolean {
  return TRANSITIONS[from][event] !== undefined;
}

/** The next state, or a `conflict` error naming the current state (never a silent no-op). */
export function transition(from: ApplicationState, event: ApplicationEvent): ApplicationState {
  const to = TRANSITIONS[from][event];
  if (!to) throw new DomainError("conflict", `申请当前状态为“${APPLICATION_STATE_LABELS[from]}”，不能进行这项操作。请刷新后查看最新状态。`);
  return to;
}

/** States staff may still review (documents, more information, decisions). */
export const REVIEWABLE_STATES: readonly ApplicationState[] = ["submitted", "under_review", "more_info_requested"];
