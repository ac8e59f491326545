/**
 * `purgeIdempotencyKeys({ ctx })`: idempotency keys only matter while a client may still retry
 * the same submission (minutes, at most a day on a flaky phone connection); their stored
 * results hold references and a sealed receipt code, so rows older than a week are deleted.
 */
import { lt } from "drizzle-orm";
import { idempotencyKeys } from "../../../db/schema";
import type { PurgeCounts, PurgeCtx } from "./internal/purger";

export const IDEMPOTENCY_KEY_RETENTION_DAYS = 7;

export async function purgeIdempotencyKeys({ ctx: { db, clock } }: { ctx: PurgeCtx }): Promise<PurgeCounts> {
  const before = new Date(clock.now().getTime() - IDEMPOTENCY_KEY_RETENTION_DAYS * 86_400_000).toISOString();
  const gone = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).returning({ key: idempotencyKeys.key });
  return { deleted: gone.length, anonymised: 0 };
}
