/**
 * `purgeOutboxMessages({ ctx })`: messages to families and complainants hold a sealed phone
 * number or e-mail address. Once a message is sent or given up, the console needs it only for
 * a while (to answer "did you tell me?"), so finished messages older than 90 days are deleted;
 * pending ones are never touched.
 */
import { and, inArray, lt } from "drizzle-orm";
import { outboxMessages } from "../../../db/schema";
import type { PurgeCounts, PurgeCtx } from "./internal/purger";

export const OUTBOX_MESSAGE_RETENTION_DAYS = 90;

export async function purgeOutboxMessages({ ctx: { db, clock } }: { ctx: PurgeCtx }): Promise<PurgeCounts> {
  const before = new Date(clock.now().getTime() - OUTBOX_MESSAGE_RETENTION_DAYS * 86_400_000).toISOString();
  const gone = await db
    .delete(outboxMessages)
    .where(and(inArray(outboxMessages.status, ["sent", "failed"]), lt(outboxMessages.createdAt, before)))
    .returning({ id: outboxMessages.id });
  return { deleted: gone.length, anonymised: 0 };
}
