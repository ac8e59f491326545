/**
 * `purgeComplaints({ ctx })`, the complaints purger for `npm run purge` (SECURITY.md item 16): anonymises every case
 * whose retention period (src/domain/complaint/retention) has passed. Identity and free
 * text are erased in place and attached files deleted; the row, its dates and codes stay for
 * the statistics. A case
 * already anonymised is skipped, so running the purge twice changes nothing.
 */
import { and, eq, inArray, isNotNull, lt, ne, or } from "drizzle-orm";
import { complaintAttachments, complaintEvents, complaints } from "../../../db/schema";
import { COMPLAINT_RETENTION_DAYS, ERASED_TEXT } from "../../../src/domain/complaint/retention";
import { addDays, shanghaiDate } from "../../../src/domain/complaint/time";
import type { PurgeCounts, PurgeCtx } from "../retention/internal/purger";

export async function purgeComplaints({ ctx: { db, blobs, clock } }: { ctx: PurgeCtx }): Promise<PurgeCounts> {
  const cutoff = addDays(shanghaiDate(clock.now()), -COMPLAINT_RETENTION_DAYS);
  const done = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: complaints.id })
      .from(complaints)
      .where(
        and(
          ne(complaints.whatHappened, ERASED_TEXT),
          or(
            and(isNotNull(complaints.answeredOn), lt(complaints.answeredOn, cutoff)),
            and(eq(complaints.status, "not_accepted"), lt(complaints.decidedOn, cutoff)),
            and(isNotNull(complaints.mergedInto), lt(complaints.updatedAt, `${cutoff}T00:00:00.000Z`)),
          ),
        ),
      )
      .all();
    const ids = due.map((d) => d.id);
    if (ids.length === 0) return { blobKeys: [] as string[], anonymised: 0 };
    const files = await tx.select({ blobKey: complaintAttachments.blobKey }).from(complaintAttachments).where(inArray(complaintAttachments.complaintId, ids)).all();
    await tx.delete(complaintAttachments).where(inArray(complaintAttachments.complaintId, ids));
    await tx
      .update(complaints)
      .set({
        whatHappened: ERASED_TEXT,
        contactSealed: null,
        answer: ERASED_TEXT,
        notAcceptedReason: null,
        draftAnswer: null,
        draftSummary: null,
        publicSummary: null,
      })
      .where(inArray(complaints.id, ids));
    await tx.update(complaintEvents).set({ text: null }).where(inArray(complaintEvents.complaintId, ids));
    return { blobKeys: files.map((f) => f.blobKey), anonymised: ids.length };
  });
  // Files go after the rows are committed: a crash in between leaves an unreferenced blob, never a dangling row.
  for (const key of done.blobKeys) await blobs.delete(key);
  return { deleted: done.blobKeys.length, anonymised: done.anonymised };
}
