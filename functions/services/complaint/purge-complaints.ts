/**
 * `purgeComplaints({ ctx })`, the complaints purger for `npm run purge` (SECURITY.md item 16): anonymises every case
 * whose retention period has passed: RETENTION.complaintMonths (the privacy notice's period)
 * after the Beijing date it was answered, not accepted or merged (src/domain/complaint/retention). Identity and free
 * text are erased in place and attached files deleted; the row, its dates and codes stay for
 * the statistics. A case
 * already anonymised is skipped, so running the purge twice changes nothing.
 */
import { and, eq, inArray, isNotNull, lt, lte, ne, or } from "drizzle-orm";
import { complaintAttachments, complaintEvents, complaints } from "../../../db/schema";
import { ERASED_TEXT, erasureCutoff } from "../../../src/domain/complaint/retention";
import { addDays, shanghaiDate } from "../../../src/domain/complaint/time";
import type { PurgeCounts, PurgeCtx } from "../retention/internal/purger";

export async function purgeComplaints({ ctx: { db, blobs, clock } }: { ctx: PurgeCtx }): Promise<PurgeCounts> {
  const cutoff = erasureCutoff(shanghaiDate(clock.now()));
  // A merged case has no finishing date of its own: its last change, as a Beijing date, at or before the cutoff.
  const mergedBefore = new Date(`${addDays(cutoff, 1)}T00:00:00.000+08:00`).toISOString();
  const done = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: complaints.id })
      .from(complaints)
      .where(
        and(
          ne(complaints.whatHappened, ERASED_TEXT),
          or(
            and(isNotNull(complaints.answeredOn), lte(complaints.answeredOn, cutoff)),
            and(eq(complaints.status, "not_accepted"), lte(complaints.decidedOn, cutoff)),
            and(isNotNull(complaints.mergedInto), lt(complaints.updatedAt, mergedBefore)),
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
        contactPhoneIndex: null,
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
