/**
 * A word search answered by walking the urgency index (issue 19 item 6): a word below three
 * characters, which no trigram index can answer, or words FTS5 finds in many cases (too many
 * to look up and sort). The queue walks its urgency index in order under the other filters and
 * tests each row's text, but examines at most WALK_EXAMINED rows a page: a rare short word, or
 * a common word under a filter whose cases rarely hold it, would otherwise read every case
 * (1 s at 1,000,000). A common word fills its page within a few rows. When the cap is reached
 * before a page is full, the page shows what it found, says how many cases it examined, and its
 * next cursor is the last case examined, so 下一页 goes on looking from there. The count is the
 * matches among the first WALK_EXAMINED cases, "at least" when there are more: testing text
 * costs about 1 µs a row, so counting a word in a fifth of the cases to 10,001 would read
 * 50,000 rows (56 ms at 100,000).
 */
import { and, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { complaints } from "../../../../db/schema";
import { QUEUE_PAGE_SIZE } from "../../../../src/domain/complaint/schemas";
import type { QueueTotal } from "../../../../src/domain/staff/queue-count";
import type { QueueKey } from "../../../../src/domain/staff/queue-cursor";
import { afterKey, QUEUE_ORDER } from "./complaint-queue";
import { WALK_EXAMINED, textHolds } from "./word-search";

/** A page's keys (up to QUEUE_PAGE_SIZE + 1 matches), and, when the cap cut the walk short, the last key examined. */
export type WalkPage = { keys: { urgency: string; id: string }[]; stoppedAt: QueueKey | null };

/** The rows a walk examines: the next `examined` keys of the filter from `after`, each with whether its text holds every word. */
const examinedRows = (db: Db, base: SQL | undefined, words: string[], after: QueueKey | null, examined: number) =>
  db
    .select({ urgency: complaints.urgency, id: complaints.id, hit: sql<number>`${textHolds(words)}`.as("hit") })
    .from(complaints)
    .where(and(base, after ? afterKey(after) : undefined))
    .orderBy(...QUEUE_ORDER)
    .limit(examined)
    .as("examined");

/** The matching keys among the next `examined` rows, in queue order (the subquery's order: it is a co-routine, never sorted again). */
export const walkKeys = (db: Db, base: SQL | undefined, words: string[], after: QueueKey | null, examined = WALK_EXAMINED) => {
  const rows = examinedRows(db, base, words, after, examined);
  return db.select({ urgency: rows.urgency, id: rows.id }).from(rows).where(sql`${rows.hit}`).limit(QUEUE_PAGE_SIZE + 1);
};

/** The `examined`-th key from `after` and whether any row follows it (an index walk; no text is read). */
async function capKey(db: Db, base: SQL | undefined, after: QueueKey | null, examined: number): Promise<QueueKey | null> {
  const rows = await db
    .select({ urgency: complaints.urgency, id: complaints.id })
    .from(complaints)
    .where(and(base, after ? afterKey(after) : undefined))
    .orderBy(...QUEUE_ORDER)
    .limit(2)
    .offset(examined - 1);
  return rows.length === 2 ? [rows[0]!.urgency, rows[0]!.id] : null;
}

/** One page of the words' matches, stopping after `examined` rows. */
export async function walkPage(db: Db, base: SQL | undefined, words: string[], after: QueueKey | null, examined = WALK_EXAMINED): Promise<WalkPage> {
  const keys = await walkKeys(db, base, words, after, examined);
  if (keys.length > QUEUE_PAGE_SIZE) return { keys, stoppedAt: null };
  return { keys, stoppedAt: await capKey(db, base, after, examined) };
}

/** The matches among the first `examined` rows of the filter; "at least" when the filter holds more rows. */
export async function walkTotal(db: Db, base: SQL | undefined, words: string[], examined = WALK_EXAMINED): Promise<QueueTotal> {
  const rows = examinedRows(db, base, words, null, examined);
  const [found] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(rows).where(sql`${rows.hit}`);
  return { total: found?.n ?? 0, atLeast: (await capKey(db, base, null, examined)) !== null };
}
