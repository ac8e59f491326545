/**
 * What a family does on /track/ after opening its application with reference + code:
 * accept or decline the offer before its deadline, and upload the documents staff asked for.
 * Each is one transaction with its timeline entry and audit row; declining frees the place,
 * and the waitlist moves (./waitlist) in the same transaction.
 */
import type { applications } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import type { ApplicationEvent } from "../../../src/domain/enrolment/states";
import type { SecureCtx, Tx } from "../context";
import { discardDocuments, insertDocuments, type StoredDocument } from "./documents";
import type { ApplicationRow } from "./track";
import { transitionApplication } from "./internal/transition-application";
import { moveWaitlistAfterDecline } from "./waitlist";

function familyMove(tx: Tx, ctx: SecureCtx, row: ApplicationRow, event: ApplicationEvent, message: string, change: Partial<typeof applications.$inferInsert> = {}) {
  return transitionApplication(tx, ctx, row, event, {
    message,
    change,
    auditAction: `enrolment.${event}`,
    conflictMessage: "申请状态刚刚发生变化，请重新查询后再操作。",
  });
}

function assertBeforeDeadline(ctx: SecureCtx, row: ApplicationRow) {
  if (!row.offerDeadline || row.offerDeadline < ctx.clock.now().toISOString())
    throw new DomainError("conflict", "接受或放弃学位的期限已过。如有疑问请致电招生咨询电话。");
}

export async function acceptOffer({ ctx, row }: { ctx: SecureCtx; row: ApplicationRow }) {
  assertBeforeDeadline(ctx, row);
  return ctx.db.transaction((tx) => familyMove(tx, ctx, row, "accept", "家庭已接受学位。"));
}

export async function declineOffer({ ctx, catalogue, row }: { ctx: SecureCtx; catalogue: Catalogue; row: ApplicationRow }) {
  assertBeforeDeadline(ctx, row);
  return ctx.db.transaction(async (tx) => {
    const to = await familyMove(tx, ctx, row, "decline", "家庭已放弃学位，学位将依次递补给候补的家庭。");
    await moveWaitlistAfterDecline(tx, ctx, catalogue, row);
    return to;
  });
}

export async function provideInformation({ ctx, row, documents }: { ctx: SecureCtx; row: ApplicationRow; documents: StoredDocument[] }) {
  if (documents.length === 0) throw new DomainError("validation", "请选择要上传的材料。", { fields: [{ path: "documents.other", message: "请选择要上传的材料" }] });
  try {
    return await ctx.db.transaction(async (tx) => {
      await insertDocuments(tx, row.id, documents, ctx.clock.now().toISOString());
      return familyMove(tx, ctx, row, "provide_info", `家庭补充了 ${documents.length} 份材料，等待审核。`);
    });
  } catch (error) {
    await discardDocuments(ctx, documents);
    throw error;
  }
}
