/**
 * What a filer sees with their receipt: status, clocks in words, the public timeline (never
 * internal notes or drafts, never staff names), the approved answer with its named outcome,
 * and which of "add information", "rate" and "ask for review" are open to them now.
 */
import { CATEGORY_INFO } from "../../../../src/domain/complaint/categories";
import { reviewOpenUntil } from "../../../../src/domain/complaint/deadlines";
import { latestAnswerRated, rateRefusal, reviewRefusal, type AnswerFacts } from "../../../../src/domain/complaint/filer-steps";
import { HISTORY_LABELS, OPEN_STATUSES, OUTCOME_LABELS, RATING_LABELS, STATUS_LABELS, type Outcome, type Rating } from "../../../../src/domain/complaint/states";
import { shanghaiDate } from "../../../../src/domain/complaint/time";
import { DEPARTMENT_LABELS, type Department } from "../../../../src/domain/staff/departments";
import { clocksOf, historyFrom, type ComplaintRow, type EventRow } from "./case-facts";

export type FilerView = ReturnType<typeof filerView>;

/** What decides the filer's rating and review steps (src/domain/complaint/filer-steps). */
export function answerFactsOf(row: ComplaintRow, events: readonly Pick<EventRow, "kind">[]): AnswerFacts {
  return {
    status: row.status,
    answeredOn: row.answeredOn,
    latestAnswerRated: latestAnswerRated(events.map((e) => e.kind)),
    reviewRequested: row.reviewRequestedOn !== null,
    mergedInto: row.mergedInto,
  };
}

function eventLine(e: EventRow) {
  const department = e.kind === "assign" && e.detail ? DEPARTMENT_LABELS[e.detail as Department] : null;
  return {
    on: shanghaiDate(e.at),
    kind: e.kind,
    label: department ? `${HISTORY_LABELS[e.kind]}：${department}` : HISTORY_LABELS[e.kind],
    text: e.text,
  };
}

export function filerView(row: ComplaintRow, events: EventRow[], now: Date) {
  const today = shanghaiDate(now);
  const clocks = clocksOf(historyFrom(events), now);
  return {
    reference: row.reference,
    category: row.category,
    categoryLabel: CATEGORY_INFO[row.category].label,
    school: row.school,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    department: row.department ? DEPARTMENT_LABELS[row.department] : null,
    receivedOn: row.receivedOn,
    acceptance: { due: clocks.acceptance.due, words: clocks.acceptance.words, state: clocks.acceptance.state },
    answerClock: clocks.answer ? { due: clocks.answer.due, words: clocks.answer.words, state: clocks.answer.state } : null,
    notAcceptedReason: row.notAcceptedReason,
    timeline: events.filter((e) => e.visibility === "public").map(eventLine),
    answer:
      row.answer && row.outcome && row.answeredOn
        ? { outcome: row.outcome as Outcome, outcomeLabel: OUTCOME_LABELS[row.outcome], text: row.answer, answeredOn: row.answeredOn }
        : null,
    rating: row.rating ? { value: row.rating as Rating, label: RATING_LABELS[row.rating] } : null,
    canAddInformation: OPEN_STATUSES.includes(row.status),
    canRate: rateRefusal(answerFactsOf(row, events)) === null,
    canRequestReview: reviewRefusal(answerFactsOf(row, events), today) === null,
    reviewOpenUntil: row.answeredOn ? reviewOpenUntil(row.answeredOn) : null,
  };
}
