/**
 * `extendDeadline`: intake asks to extend an accepted, unanswered case's answer period, once,
 * by at most 30 days, with the reason the filer will read (信访工作条例第三十四条). It is
 * only a request: the clock does not move, and the filer is not told, until a supervisor
 * approves it (approve-extension). A review cannot be extended, and neither can a period
 * that has already run out.
 */
import { caseClocks } from "../../../src/domain/complaint/deadlines";
import type { ExtendInput } from "../../../src/domain/complaint/schemas";
import { DomainError } from "../../../src/domain/errors";
import { caseChange } from "./internal/staff-case";

export const extendDeadline = caseChange<ExtendInput>("complaints.triage", "extend", async (input, _tx, row, today, history) => {
  if (!row.acceptedOn || row.reviewRequestedOn) throw new DomainError("conflict", "只有已受理、尚未答复的投诉可以申请延长办理期限；复查不能延期。");
  const clocks = caseClocks(history, today);
  if (clocks.extensionDays > 0) throw new DomainError("conflict", "办理期限只能延长一次（信访工作条例第三十四条），这件投诉已经延长过。");
  if (clocks.pendingExtensionDays > 0) throw new DomainError("conflict", "这件投诉已有一份延期申请正在等待批准。");
  if (clocks.answer?.state === "overdue") throw new DomainError("conflict", "办理期限已过，不能再申请延期；请尽快答复。");
  return {
    event: { visibility: "internal", text: input.notice, detail: String(input.days) },
    auditDetail: `days:${input.days}`,
  };
});
