/**
 * `extendDeadline`: intake extends an accepted, unanswered case's answer period once, with a
 * notice the filer reads (信访工作条例第三十四条); a review cannot be extended.
 */
import { answerClock } from "../../../src/domain/complaint/deadlines";
import type { ExtendInput } from "../../../src/domain/complaint/schemas";
import { chineseDate } from "../../../src/domain/complaint/time";
import { DomainError } from "../../../src/domain/errors";
import { clockFacts } from "./internal/case-facts";
import { caseChange } from "./internal/staff-case";

export const extendDeadline = caseChange<ExtendInput>("complaints.triage", "extend", async (input, _tx, row, today, pauses) => {
  if (!row.acceptedOn || row.reviewRequestedOn) throw new DomainError("conflict", "只有已受理、尚未答复的投诉可以延长办理期限（复查不能延期）。");
  if (row.extensionDays > 0) throw new DomainError("conflict", "办理期限只能延长一次（信访工作条例第三十四条）。");
  const due = answerClock(clockFacts({ ...row, extensionDays: input.days }, pauses), today)!.due;
  return {
    patch: { extensionDays: input.days },
    event: { visibility: "public", text: input.notice, detail: String(input.days) },
    notify: `办理期限延长 ${input.days} 日，至 ${chineseDate(due)}。延期理由：${input.notice}`,
    auditDetail: `days:${input.days}`,
  };
});
