/** `returnDraft`: intake sends a draft answer back to the department, with its reason. */
import type { ReturnDraftInput } from "../../../src/domain/complaint/schemas";
import { DomainError } from "../../../src/domain/errors";
import { caseChange } from "./internal/staff-case";

export const returnDraft = caseChange<ReturnDraftInput>("complaints.triage", "return_draft", async (input, _tx, row) => {
  if (!row.draftAnswer) throw new DomainError("conflict", "这件投诉还没有答复稿。");
  return { patch: { draftAnswer: null, draftOutcome: null, draftSummary: null }, event: { visibility: "internal", text: input.reason } };
});
