/**
 * `draftAnswer`: the department writes the answer for intake to approve; the public summary
 * is kept only when the filer agreed to publication.
 */
import type { DraftAnswerInput } from "../../../src/domain/complaint/schemas";
import { caseChange } from "./internal/staff-case";

export const draftAnswer = caseChange<DraftAnswerInput>("complaints.answer", "draft_answer", async (input, _tx, row) => ({
  patch: { draftOutcome: input.outcome, draftAnswer: input.answer, draftSummary: row.publishConsent ? (input.publicSummary ?? null) : null },
  event: { visibility: "internal", text: input.answer, detail: input.outcome },
}));
