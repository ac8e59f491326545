/** `assignComplaint`: intake hands a case to the department responsible; any draft answer is dropped. */
import type { AssignInput } from "../../../src/domain/complaint/schemas";
import { caseChange } from "./internal/staff-case";

export const assignComplaint = caseChange<AssignInput>("complaints.assign", "assign", async (input) => ({
  patch: { department: input.department, draftAnswer: null, draftOutcome: null, draftSummary: null },
  event: { visibility: "public", detail: input.department },
  auditDetail: input.department,
}));
