/**
 * `listOutbox({ ctx, input: { transport } })`: the outbox as staff see it (`outbox.read`): the most recent messages with their status,
 * recipients masked, and whether the transport is the development log one (nothing really
 * sent). Reading it writes an audit row, like every staff read of case-related data.
 */
import { desc, sql } from "drizzle-orm";
import { outboxMessages } from "../../../db/schema";
import { writeAudit } from "../audit/internal/write-audit";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";

export const OUTBOX_LIST_LIMIT = 200;
export const SEALED_BODY = "（正文含受理编号和查询码，已加密保存，不在此显示。）";

export const listOutbox = staffVerb("outbox.read", async ({ ctx, input: { transport } }: { ctx: StaffCtx; input: { transport: string } }) =>
  ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: outboxMessages.id,
        channel: outboxMessages.channel,
        recipient: outboxMessages.recipientMasked,
        subject: outboxMessages.subject,
        // A body with an access code is sealed: staff see that it was sent, never the code.
        body: sql<string>`case when ${outboxMessages.bodySealed} then ${SEALED_BODY} else ${outboxMessages.body} end`,
        aboutKind: outboxMessages.aboutKind,
        aboutId: outboxMessages.aboutId,
        status: outboxMessages.status,
        attempts: outboxMessages.attempts,
        lastError: outboxMessages.lastError,
        createdAt: outboxMessages.createdAt,
        sentAt: outboxMessages.sentAt,
      })
      .from(outboxMessages)
      .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
      .limit(OUTBOX_LIST_LIMIT)
      .all();
    await writeAudit(tx, ctx, { action: "outbox.read", outcome: "success", actor: ctx.actor });
    return { transport, developmentTransport: transport === "log", messages: rows };
  }),
);
