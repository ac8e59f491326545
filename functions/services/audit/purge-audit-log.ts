/**
 * `purgeAuditLog({ ctx })`, the audit purger for `npm run purge`: deletes audit rows stamped
 * at or before RETENTION.auditMonths (the privacy notice's period, src/domain/privacy-notice)
 * before the purge's clock. The trail stays append-only otherwise: the database refuses any
 * update and any delete of a row younger than the legal six months (migration 0009), so even
 * a purge run with a clock set in the future cannot cut into that minimum; it fails instead.
 */
import { lte } from "drizzle-orm";
import { auditLog } from "../../../db/schema";
import { monthsBefore, RETENTION } from "../../../src/domain/privacy-notice";
import type { PurgeCounts, PurgeCtx } from "../retention/internal/purger";

export async function purgeAuditLog({ ctx: { db, clock } }: { ctx: PurgeCtx }): Promise<PurgeCounts> {
  const gone = await db.delete(auditLog).where(lte(auditLog.at, monthsBefore(clock.now(), RETENTION.auditMonths))).returning({ id: auditLog.id });
  return { deleted: gone.length, anonymised: 0 };
}
