/**
 * What staff see of a case. Citizen-written text travels as plain strings (the console puts
 * it in with textContent). The filer's identity is never in this view: the console shows
 * only whether the filer is named and whether they agreed to department contact; reading
 * the identity is a separate, reasoned and audited reveal (reveal-contact).
 */
import { CATEGORY_INFO, type ComplaintCategory } from "../../../../src/domain/complaint/categories";
import type { CaseEvent } from "../../../../src/domain/complaint/deadlines";
import { HISTORY_LABELS, OUTCOME_LABELS, RATING_LABELS, STATUS_LABELS, type Outcome, type Rating } from "../../../../src/domain/complaint/states";
import { beijingDateTime } from "../../../../src/domain/complaint/time";
import { DEPARTMENT_LABELS, type Department } from "../../../../src/domain/staff/departments";
import { STAFF_ROLE_LABELS } from "../../../../src/domain/staff/roles";
import { clocksOf, historyFrom, type AttachmentRow, type ComplaintRow, type EventRow } from "./case-facts";

function detailLabel(kind: EventRow["kind"], detail: string | null): string | null {
  if (!detail) return null;
  switch (kind) {
    case "submit":
    case "recategorise":
      return CATEGORY_INFO[detail as ComplaintCategory]?.label ?? detail;
    case "assign":
      return DEPARTMENT_LABELS[detail as Department] ?? detail;
    case "draft_answer":
    case "approve_answer":
      return OUTCOME_LABELS[detail as Outcome] ?? detail;
    case "rate":
      return RATING_LABELS[detail as Rating] ?? detail;
    case "extend":
    case "approve_extension":
      return `${detail}日`;
    default:
      return null;
  }
}

export function staffSummary(row: ComplaintRow, history: readonly CaseEvent[], now: Date) {
  const clocks = clocksOf(history, now);
  const live = clocks.answer ?? clocks.acceptance;
  return {
    id: row.id,
    reference: row.reference,
    category: row.category,
    categoryLabel: CATEGORY_INFO[row.category].label,
    school: row.school,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    department: row.department,
    departmentLabel: row.department ? DEPARTMENT_LABELS[row.department] : null,
    suggestedDepartment: CATEGORY_INFO[row.category].department,
    receivedOn: row.receivedOn,
    hasDraft: row.draftAnswer !== null,
    /** The stored due date the queue sorts on (null: no running clock), and who has the case. */
    dueOn: row.dueOn,
    assignedTo: row.assignedTo,
    clock: { due: live.due, state: live.state, words: live.words, which: clocks.answer ? "answer" : "acceptance" },
  };
}

export function staffDetail(row: ComplaintRow, events: EventRow[], now: Date, attachments: AttachmentRow[]) {
  const history = historyFrom(events);
  const clocks = clocksOf(history, now);
  return {
    ...staffSummary(row, history, now),
    whatHappened: row.whatHappened,
    happenedOn: row.happenedOn,
    contactMode: row.contactMode,
    departmentMayContact: row.departmentMayContact,
    publishConsent: row.publishConsent,
    notAcceptedReason: row.notAcceptedReason,
    extensionDays: clocks.extensionDays,
    pendingExtensionDays: clocks.pendingExtensionDays,
    mergedInto: row.mergedInto,
    reviewRequestedOn: row.reviewRequestedOn,
    clocks: {
      acceptance: clocks.acceptance,
      answer: clocks.answer,
    },
    draft: row.draftAnswer ? { outcome: row.draftOutcome, outcomeLabel: row.draftOutcome ? OUTCOME_LABELS[row.draftOutcome] : null, answer: row.draftAnswer, summary: row.draftSummary } : null,
    answer: row.answer ? { outcome: row.outcome, outcomeLabel: row.outcome ? OUTCOME_LABELS[row.outcome] : null, text: row.answer, answeredOn: row.answeredOn, summary: row.publicSummary } : null,
    rating: row.rating,
    attachments: attachments.map((a) => ({ id: a.id, name: a.originalName, contentType: a.contentType, size: a.size })),
    template: CATEGORY_INFO[row.category].template,
    history: events.map((e) => ({
      at: e.at,
      /** Beijing time, as the whole console shows it. */
      when: beijingDateTime(e.at),
      kind: e.kind,
      label: HISTORY_LABELS[e.kind],
      visibility: e.visibility,
      by: e.actorRole ? STAFF_ROLE_LABELS[e.actorRole] : "投诉人",
      text: e.text,
      detail: e.detail,
      /** The detail in words: a category, department, outcome or rating by its label, never its code. */
      detailLabel: detailLabel(e.kind, e.detail),
    })),
  };
}

export type StaffSummary = ReturnType<typeof staffSummary>;
export type StaffDetail = ReturnType<typeof staffDetail>;
