/**
 * What the family's verbs on /track/ share: a move of the application in the transaction
 * the verb opened, with its timeline entry and audit row, and the offer's deadline check.
 */
import type { applications } from "../../../../db/schema";
import { DomainError } from "../../../../src/domain/errors";
import { answerAfterDeadlineMessage, offerIsLive } from "../../../../src/domain/enrolment/offer-lapse";
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

/** An offer past its deadline has lapsed (offer-lapse.ts), whether or not the lapse is written yet. */
/** The enquiry number comes from the catalogue (content/site.yaml's 招生咨询电话): a message that says 请致电 prints it. */
export function assertBeforeDeadline(ctx: SecureCtx, row: ApplicationRow, enquiryPhone: string) {
  if (row.state === "lapsed" || (row.state === "offered" && !offerIsLive(row, ctx.clock.now())))
    throw new DomainError("conflict", answerAfterDeadlineMessage(row.offerDeadline, enquiryPhone));
}
