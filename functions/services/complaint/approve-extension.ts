/**
 * `approveExtension`: the supervising role (the agency's head for complaints, 信访工作条例
 * 第三十四条) approves intake's pending request to extend the answer period. Only now does
 * the clock move (deadlines `caseClocks` counts an extension from its approval) and the filer
 * learn of it, with the new due date and the reason intake wrote.
 */
import { and, desc, eq } from "drizzle-orm";
import { complaintEvents } from "../../../db/schema";
import { caseClocks } from "../../../src/domain/complaint/deadlines";
import { chineseDate } from "../../../src/domain/complaint/time";
import { DomainError } from "../../../src/domain/errors";
import { caseChange } from "./internal/staff-case";

export const approveExtension = caseChange<object>("complaints.approve_extension", "approve_extension", async (_input, tx, row, today, history) => {
  const days = caseClocks(history, today).pendingExtensionDays;
  if (days === 0) throw new DomainError("conflict", "这件投诉没有等待批准的延期申请。");
  const after = caseClocks([...history, { kind: "approve_extension", on: today }], today);
  const request = await tx
    .select({ text: complaintEvents.text })
    .from(complaintEvents)
    .where(and(eq(complaintEvents.complaintId, row.id), eq(complaintEvents.kind, "extend")))
    .orderBy(desc(complaintEvents.id))
    .get();
  const reason = request?.text ?? "";
  return {
    patch: { extensionDays: days },
    event: { visibility: "public", text: reason, detail: String(days) },
    notify: `办理期限经批准延长${days}日，至${chineseDate(after.answer!.due)}（含）。延期理由：${reason}`,
    auditDetail: `days:${days}`,
  };
});
