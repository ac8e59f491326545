/** `recategoriseComplaint`: intake moves a case to another category (the history says from what to what). */
import type { RecategoriseInput } from "../../../src/domain/complaint/schemas";
import { CATEGORY_INFO } from "../../../src/domain/complaint/categories";
import { DomainError } from "../../../src/domain/errors";
import { caseChange } from "./internal/staff-case";

export const recategoriseComplaint = caseChange<RecategoriseInput>("complaints.triage", "recategorise", async (input, _tx, row) => {
  if (row.category === input.category) throw new DomainError("validation", "新类别与原类别相同。", { fields: [{ path: "category", message: "新类别与原类别相同。" }] });
  return {
    patch: { category: input.category },
    event: { visibility: "public", text: `${CATEGORY_INFO[row.category].label} → ${CATEGORY_INFO[input.category].label}`, detail: input.category },
    auditDetail: `${row.category}->${input.category}`,
  };
});
