/**
 * `requestInformation`: intake asks the filer for more; the answer clock pauses until the
 * filer adds it (one open pause at a time). The clock reads the pause from the case's events
 * (deadlines `caseClocks`); the pauses table keeps the same stretches for reports.
 */
import { and, eq, isNull } from "drizzle-orm";
import { complaintPauses } from "../../../db/schema";
import type { RequestInformationInput } from "../../../src/domain/complaint/schemas";
import { caseChange } from "./internal/staff-case";

export const requestInformation = caseChange<RequestInformationInput>("complaints.triage", "request_information", async (input, tx, row, today) => {
  const open = await tx.select({ id: complaintPauses.id }).from(complaintPauses).where(and(eq(complaintPauses.complaintId, row.id), isNull(complaintPauses.toOn))).get();
  if (!open) await tx.insert(complaintPauses).values({ complaintId: row.id, fromOn: today, toOn: null });
  return { event: { visibility: "public", text: input.message }, notify: "需要您补充材料，办理期限在您补充前暂停计算。" };
});
