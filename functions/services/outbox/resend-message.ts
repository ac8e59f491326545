/**
 * `resendMessage({ ctx, input: { id } })`: staff queue a failed message again
 * (`outbox.resend`), for instance once the provider is back or the family's number was
 * corrected at the provider. The message keeps its id, so the provider sees the same dedupe
 * id: if an earlier attempt did reach it after all, it is not delivered twice. Only a failed
 * message can be queued again (a pending or sending one is still on its way; a sent one is
 * done); the change and its audit row commit together.
 */
import { and, eq } from "drizzle-orm";
import { outboxMessages } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import { writeAudit } from "../audit/internal/write-audit";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";

export const resendMessage = staffVerb("outbox.resend", async ({ ctx, input: { id } }: { ctx: StaffCtx; input: { id: string } }) =>
  ctx.db.transaction(async (tx) => {
    const row = await tx.select({ status: outboxMessages.status }).from(outboxMessages).where(eq(outboxMessages.id, id)).get();
    if (!row) throw new DomainError("not_found", "没有找到这条消息。");
    if (row.status !== "failed") throw new DomainError("conflict", "只有发送失败的消息可以重新发送；这条消息正在发送或已经发出。");
    await tx
      .update(outboxMessages)
      .set({ status: "pending", attempts: 0, claimToken: null, claimedUntil: null })
      .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, "failed")));
    await writeAudit(tx, ctx, { action: "outbox.resend", outcome: "success", actor: ctx.actor, objectType: "outbox_message", objectId: id });
    return { id, status: "pending" as const };
  }),
);
