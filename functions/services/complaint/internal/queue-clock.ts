/**
 * Keeps the queue's copy of a case's clock current (migration 0014, issue 19): after every
 * case event, `refreshQueueClock` reads the case's history and status in the same
 * transaction, asks `caseClocks` (through `queueClock`) and writes `due_on`, `clock_state`,
 * `urgency` and `clock_on`. It is called by `recordEvent`, the one writer of case events, so
 * every verb that moves a clock (submit, accept, information asked and added, extension,
 * answer, review, merge, close) updates the row without knowing about it. Rows written before
 * the migration, or by a bulk loader that writes events directly (the demo seed), have
 * `clock_on` null; `fillQueueClocks` computes them at start, a batch at a time.
 */
import { asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { complaints } from "../../../../db/schema";
import { caseClocks } from "../../../../src/domain/complaint/deadlines";
import { queueClock } from "../../../../src/domain/complaint/queue-clock";
import { shanghaiDate } from "../../../../src/domain/complaint/time";
import type { Tx } from "../../context";
import { historiesOf, historyOf } from "./case-facts";

/** Recompute one case's stored clock as of the instant `at` (ISO), in the caller's transaction. */
export async function refreshQueueClock(tx: Db | Tx, complaintId: string, at: string): Promise<void> {
  const row = await tx.select({ status: complaints.status }).from(complaints).where(eq(complaints.id, complaintId)).get();
  if (!row) return;
  const today = shanghaiDate(at);
  await tx
    .update(complaints)
    .set({ ...queueClock(caseClocks(await historyOf(tx, complaintId), today), row.status), clockOn: today })
    .where(eq(complaints.id, complaintId));
}

/** A new case's stored clock, written with its row by the submission's batch (one "submit" event at `at`). */
export function submittedQueueClock(at: string) {
  const today = shanghaiDate(at);
  return { ...queueClock(caseClocks([{ kind: "submit", on: today }], today), "submitted"), clockOn: today };
}

const FILL_BATCH = 500;

/** Compute the stored clock of every row that has none yet; returns how many were filled. */
export async function fillQueueClocks(db: Db, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  let filled = 0;
  for (;;) {
    const rows = await db.select({ id: complaints.id, status: complaints.status }).from(complaints).where(isNull(complaints.clockOn)).orderBy(asc(complaints.id)).limit(FILL_BATCH).all();
    if (rows.length === 0) return filled;
    const histories = await historiesOf(db, rows.map((r) => r.id));
    await db.transaction(async (tx) => {
      for (const r of rows) {
        await tx
          .update(complaints)
          .set({ ...queueClock(caseClocks(histories.get(r.id) ?? [], today), r.status), clockOn: today })
          .where(eq(complaints.id, r.id));
      }
    });
    filled += rows.length;
  }
}
