/**
 * `purgeOutboxMessages({ ctx })`: messages to families and complainants hold a sealed phone
 * number or e-mail address and their text. Once a message is sent or given up, the console
 * needs it only for a while (to answer "did you tell me?"), so finished messages queued
 * RETENTION.notificationDays (the privacy notice's period) or more before the purge's clock
 * are deleted; pending and sending ones are never touched.
 */
import { and, inArray, lte } from "drizzle-orm";
import { outboxMessages } from "../../../db/schema";
import { before, RETENTION } from "../../../src/domain/privacy-notice";
import type { PurgeCounts, PurgeCtx } from "./internal/purger";

export async function purgeOutboxMessages({ ctx: { db, clock } }: { ctx: PurgeCtx }): Promise<PurgeCounts> {
  const cutoff = before(clock.now(), RETENTION.notificationDays * 86_400_000);
  const gone = await db
    .delete(outboxMessages)
    .where(and(inArray(outboxMessages.status, ["sent", "failed"]), lte(outboxMessages.createdAt, cutoff)))
    .returning({ id: outboxMessages.id });
  return { deleted: gone.length, anonymised: 0 };
}
