/**
 * `mergeComplaint`: intake joins a case to another open case about the same thing (the
 * duplicate's outcome); the filer is told it is handled together with the other one.
 */
import { eq } from "drizzle-orm";
import { complaints } from "../../../db/schema";
import type { MergeInput } from "../../../src/domain/complaint/schemas";
import { DomainError } from "../../../src/domain/errors";
import { caseChange } from "./internal/staff-case";

export const mergeComplaint = caseChange<MergeInput>("complaints.triage", "merge", async (input, tx, row) => {
  const target = await tx.select().from(complaints).where(eq(complaints.reference, input.into)).get();
  if (!target || target.id === row.id || ["not_accepted", "closed"].includes(target.status)) {
    throw new DomainError("validation", "请填写一件正在办理中的其他投诉的受理编号。", { fields: [{ path: "into", message: "请填写一件正在办理中的其他投诉的受理编号。" }] });
  }
  return {
    patch: { mergedInto: target.reference, outcome: "duplicate" },
    event: { visibility: "public", text: `与受理编号${target.reference}的投诉反映同一问题，合并办理。`, detail: target.reference },
    notify: `与另一件反映同一问题的投诉合并办理。`,
  };
});
