/**
 * Retention (SECURITY.md item 16, PIPL art. 19): each kind of record that must not be kept
 * forever has a purger that deletes or anonymises what is past its period, judged by the
 * injected clock so a test (or `npm run purge -- --now …`) can run it at any date. Purgers
 * are independent; `runPurgers` runs them one after another and reports each one's counts,
 * and one that fails is reported without stopping the others.
 */
import type { Db } from "../../../db/client";
import type { BlobStore, Clock, Logger } from "../../deps";

export type PurgeCtx = { db: Db; blobs: BlobStore; clock: Clock; log: Logger };
export type PurgeCounts = { deleted: number; anonymised: number };
export type Purger = { name: string; purge(ctx: PurgeCtx): Promise<PurgeCounts> };

export type PurgeReport = { name: string } & ({ ok: true; counts: PurgeCounts } | { ok: false; error: string });

export async function runPurgers(purgers: readonly Purger[], ctx: PurgeCtx): Promise<PurgeReport[]> {
  const reports: PurgeReport[] = [];
  for (const purger of purgers) {
    try {
      const counts = await purger.purge(ctx);
      ctx.log.info("retention.purged", { purger: purger.name, ...counts });
      reports.push({ name: purger.name, ok: true, counts });
    } catch (error) {
      const name = error instanceof Error ? error.name : "Error";
      ctx.log.error("retention.failed", { purger: purger.name, name });
      reports.push({ name: purger.name, ok: false, error: name });
    }
  }
  return reports;
}
