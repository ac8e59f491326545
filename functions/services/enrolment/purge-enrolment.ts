/**
 * `purgeEnrolment({ ctx })`, retention (SECURITY.md item 16, PIPL art. 19): deletes applications whose `retainUntil`
 * has passed (set at submission: the intake's end plus RETENTION.applicationMonths, the
 * privacy notice's period) and unsubmitted drafts saved RETENTION.draftHours or more ago,
 * with their documents (the rows first, then the sealed blobs) and their timelines.
 * The published allocation files stay: they hold no person, only pseudonymous ids, and the
 * map from those ids to applications is emptied (anonymised).
 */
import { and, eq, inArray, lte, or } from "drizzle-orm";
import { allocationRuns, applicationDocuments, applicationEvents, applications } from "../../../db/schema";
import { before, RETENTION } from "../../../src/domain/privacy-notice";
import type { PurgeCounts, PurgeCtx } from "../retention/internal/purger";

export async function purgeEnrolment({ ctx }: { ctx: PurgeCtx }): Promise<PurgeCounts> {
  const now = ctx.clock.now().toISOString();
  const staleDraft = and(eq(applications.state, "draft"), lte(applications.createdAt, before(ctx.clock.now(), RETENTION.draftHours * 3_600_000)));
  const due = await ctx.db.select({ id: applications.id }).from(applications).where(or(lte(applications.retainUntil, now), staleDraft));
  const ids = due.map((d) => d.id);
  let deleted = 0;
  let anonymised = 0;
  for (let i = 0; i < ids.length; i += 100) {
    const batch = ids.slice(i, i + 100);
    const docs = await ctx.db.transaction(async (tx) => {
      const keys = await tx.select({ blobKey: applicationDocuments.blobKey }).from(applicationDocuments).where(inArray(applicationDocuments.applicationId, batch));
      await tx.delete(applicationDocuments).where(inArray(applicationDocuments.applicationId, batch));
      await tx.delete(applicationEvents).where(inArray(applicationEvents.applicationId, batch));
      await tx.delete(applications).where(inArray(applications.id, batch));
      return keys;
    });
    // Files after the rows are committed: a crash in between leaves files no row refers to, which the orphan sweep removes; never a row pointing at nothing.
    for (const d of docs) await ctx.blobs.delete(d.blobKey);
    deleted += batch.length;
  }
  if (deleted > 0) {
    const runs = await ctx.db.select({ id: allocationRuns.id, applicantIds: allocationRuns.applicantIds }).from(allocationRuns);
    for (const run of runs) {
      const map = JSON.parse(run.applicantIds) as Record<string, string>;
      if (Object.values(map).some((id) => ids.includes(id))) {
        const kept = Object.fromEntries(Object.entries(map).filter(([, id]) => !ids.includes(id)));
        await ctx.db.update(allocationRuns).set({ applicantIds: JSON.stringify(kept) }).where(eq(allocationRuns.id, run.id));
        anonymised++;
      }
    }
  }
  ctx.log.info("purge.enrolment", { deleted, anonymised });
  return { deleted, anonymised };
}
