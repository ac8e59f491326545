/**
 * `purgeIdempotencyKeys({ ctx })`: idempotency keys only matter while a client may still retry
 * the same submission (minutes, at most a day on a flaky phone connection); their stored
 * results hold references and a sealed receipt code, so rows stored RETENTION.retryRecordDays
 * (the privacy notice's period) or more before the purge's clock are deleted.
 */
import { lte } from "drizzle-orm";
import { idempotencyKeys } from "../../../db/schema";
import { before, RETENTION } from "../../../src/domain/privacy-notice";
import type { PurgeCounts, PurgeCtx } from "./internal/purger";

export async function purgeIdempotencyKeys({ ctx: { db, clock } }: { ctx: PurgeCtx }): Promise<PurgeCounts> {
  const cutoff = before(clock.now(), RETENTION.retryRecordDays * 86_400_000);
  const gone = await db.delete(idempotencyKeys).where(lte(idempotencyKeys.createdAt, cutoff)).returning({ key: idempotencyKeys.key });
  return { deleted: gone.length, anonymised: 0 };
}
