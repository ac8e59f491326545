/**
 * What the family's verbs on /track/ share: a move of the application in the transaction
 * the verb opened, with its timeline entry and audit row, and the offer's deadline check.
 */
import type { applications } from "../../../../db/schema";
import { DomainError } from "../../../../src/domain/errors";
import type { ApplicationEvent } from "../../../../src/domain/enrolment/states";
import type { SecureCtx, Tx } from "../../context";
import { transitionApplication } from "./transition-application";
import type { ApplicationRow } from "./application-row";

export function familyMove(tx: Tx, ctx: SecureCtx, row: ApplicationRow, event: ApplicationEvent, message: string, change: Partial<typeof applications.$inferInsert> = {}) {
  return transitionApplication(tx, ctx, row, event, {
    message,
    change,
    auditAction: `enrolment.${event}`,
    conflictMessage: "申请状态刚刚发生变化，请重新查询后再操作。",
  });
}

export function assertBeforeDeadline(ctx: SecureCtx, row: ApplicationRow) {
  if (!row.offerDeadline || row.offerDeadline < ctx.clock.now().toISOString())
    throw new DomainError("conflict", "接受或放弃学位的期限已过。如有疑问请致电招生咨询电话。");
}
