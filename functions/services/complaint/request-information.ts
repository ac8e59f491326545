/**
 * `requestInformation`: intake asks the filer for more; the answer clock pauses until the
 * filer adds it (one open pause at a time).
 */
import { complaintPauses } from "../../../db/schema";
import type { RequestInformationInput } from "../../../src/domain/complaint/schemas";
import { caseChange } from "./internal/staff-case";

export const requestInformation = caseChange<RequestInformationInput>("complaints.triage", "request_information", async (input, tx, row, today, pauses) => {
  if (!pauses.some((p) => p.to === null)) await tx.insert(complaintPauses).values({ complaintId: row.id, fromOn: today, toOn: null });
  return { event: { visibility: "public", text: input.message }, notify: "需要您补充材料，办理期限在您补充前暂停计算。" };
});
