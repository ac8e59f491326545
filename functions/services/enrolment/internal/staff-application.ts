/**
 * What the reviewer's verbs share: the application a staff id names (a draft is not there for
 * staff: 404 like an unknown id), one of its documents, and `moveApplication`, a reviewer's
 * move through the state machine with its timeline entry, audit row and SMS to the family.
 */
import { and, eq } from "drizzle-orm";
import { applicationDocuments, applications } from "../../../../db/schema";
import { DomainError } from "../../../../src/domain/errors";
import type { ApplicationEvent } from "../../../../src/domain/enrolment/states";
import type { SecureCtx, ServiceCtx, StaffCtx, Tx } from "../../context";
import { smsGuardian } from "./sms-guardian";
import { transitionApplication } from "./transition-application";

export const NOT_FOUND = "没有找到这份申请。";

export async function loadForStaff(ctx: Pick<ServiceCtx, "db">, id: string) {
  const row = await ctx.db.select().from(applications).where(eq(applications.id, id)).get();
  if (!row || row.state === "draft") throw new DomainError("not_found", NOT_FOUND);
  return row;
}

export async function documentOf(ctx: Pick<ServiceCtx, "db">, applicationId: string, documentId: string) {
  const doc = await ctx.db
    .select()
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.id, documentId), eq(applicationDocuments.applicationId, applicationId)))
    .get();
  if (!doc) throw new DomainError("not_found", "没有找到这份材料。");
  return doc;
}

/** Moves the application through the state machine, with its timeline entry, audit row and SMS. */
export async function moveApplication(
  tx: Tx,
  ctx: StaffCtx & SecureCtx,
  row: typeof applications.$inferSelect,
  event: ApplicationEvent,
  change: Partial<typeof applications.$inferInsert>,
  family: { message: string; sms: string },
) {
  const to = await transitionApplication(tx, ctx, row, event, {
    message: family.message,
    change,
    auditAction: `applications.${event}`,
    actor: ctx.actor,
    conflictMessage: "申请状态刚刚被其他人更改，请刷新后查看。",
  });
  await smsGuardian(tx, ctx, row, "入学申请有新进展", family.sms);
  return to;
}
