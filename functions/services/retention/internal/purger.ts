/**
 * Retention (SECURITY.md item 16, PIPL art. 19): each kind of record that must not be kept
 * forever has a purge verb that deletes or anonymises what is past its period, judged by the
 * injected clock so a test (or `npm run purge -- --now …`) can run it at any date. A purger is
 * such a verb under the name its report carries (./purgers lists them; ../run-purgers runs them).
 */
import type { Db } from "../../../../db/client";
import type { BlobStore, Clock, Logger } from "../../../deps";

export type PurgeCtx = { db: Db; blobs: BlobStore; clock: Clock; log: Logger };
export type PurgeCounts = { deleted: number; anonymised: number };
export type Purger = { name: string; purge(args: { ctx: PurgeCtx }): Promise<PurgeCounts> };

export type PurgeReport = { name: string } & ({ ok: true; counts: PurgeCounts } | { ok: false; error: string });
