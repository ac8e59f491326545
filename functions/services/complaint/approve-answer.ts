/**
 * `approveAnswer`: intake sends the department's draft as the answer: the outcome, the
 * answer date and the due date it met are fixed, and the filer is told.
 */
import { caseClocks } from "../../../src/domain/complaint/deadlines";
import { OUTCOME_LABELS } from "../../../src/domain/complaint/states";
import { DomainError } from "../../../src/domain/errors";
import { caseChange } from "./internal/staff-case";

export const approveAnswer = caseChange<object>("complaints.triage", "approve_answer", async (_input, _tx, row, today, history) => {
  if (!row.draftAnswer || !row.draftOutcome) throw new DomainError("conflict", "责任部门还没有提交答复稿，不能发送。");
  const due = caseClocks(history, today).answer!.due;
  return {
    patch: {
      outcome: row.draftOutcome,
      answer: row.draftAnswer,
      answeredOn: today,
      answerDue: due,
      publicSummary: row.publishConsent ? row.draftSummary : null,
      draftAnswer: null,
      draftOutcome: null,
      draftSummary: null,
    },
    event: { visibility: "public", text: row.draftAnswer, detail: row.draftOutcome },
    notify: `已答复，办理结果：${OUTCOME_LABELS[row.draftOutcome]}。`,
    auditDetail: row.draftOutcome,
  };
});
