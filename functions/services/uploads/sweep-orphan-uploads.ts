/**
 * `sweepOrphanUploads({ ctx, input: { graceSeconds } })`: removes uploaded files that no row
 * refers to. A submission stores its documents before its transaction (so the database lock
 * never waits on disk or crypto) and discards them when the transaction fails; a process
 * killed in between leaves a sealed blob with no row, and a write killed before its rename a
 * `.tmp-<pid>` file. The sweep deletes every blob whose key no complaint attachment or
 * application document holds, and every partial file, once it is older than the grace period
 * (by the injected clock): a younger one may belong to a request still in flight. Works page
 * by page over any BlobStore (the file store and R2); registered as a purger, so `npm run
 * purge` runs it. Returns the count deleted.
 */
import { applicationDocuments, complaintAttachments } from "../../../db/schema";
import type { BlobStore } from "../../deps";
import type { FileBlobStore } from "../../platform/file-blob-store";
import type { PurgeCounts, PurgeCtx } from "../retention/internal/purger";

/** No request takes an hour between storing its documents and committing their rows. */
export const ORPHAN_GRACE_SECONDS = 3600;

const hasPartials = (blobs: BlobStore): blobs is FileBlobStore => typeof (blobs as Partial<FileBlobStore>).sweepPartials === "function";

export async function sweepOrphanUploads({ ctx, input = {} }: { ctx: PurgeCtx; input?: { graceSeconds?: number } }): Promise<PurgeCounts> {
  const { db, blobs, clock, log } = ctx;
  const before = new Date(clock.now().getTime() - (input.graceSeconds ?? ORPHAN_GRACE_SECONDS) * 1000);
  // Read once, before listing: a blob past the grace period whose row commits after this read would need a request older than the grace period.
  const referenced = new Set([
    ...(await db.select({ key: complaintAttachments.blobKey }).from(complaintAttachments).all()).map((r) => r.key),
    ...(await db.select({ key: applicationDocuments.blobKey }).from(applicationDocuments).all()).map((r) => r.key),
  ]);
  let deleted = 0;
  let cursor: string | undefined;
  do {
    const page = await blobs.list(cursor ? { cursor } : undefined);
    for (const { key, modifiedAt } of page.blobs) {
      if (referenced.has(key) || modifiedAt >= before) continue;
      await blobs.delete(key);
      deleted++;
    }
    cursor = page.cursor;
  } while (cursor);
  if (hasPartials(blobs)) deleted += await blobs.sweepPartials(before);
  if (deleted > 0) log.info("uploads.orphans_swept", { deleted });
  return { deleted, anonymised: 0 };
}
