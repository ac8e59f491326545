/**
 * The staff complaint queue's queries (issue 19): its WHERE (the filters asked for, the search
 * and a liaison's own department), its count, one keyset page of ids, and a case's neighbours
 * in the same order. A search is a reference, a phone through its blind index, or words:
 * through FTS5, or the text test of word-search.ts when `searchPath` says the words match
 * many cases. The order is the stored `urgency` (src/domain/complaint/queue-clock: most
 * urgent first, overdue first, cases without a running clock last), then the id; a page
 * starts strictly after the last (urgency, id) shown, so it is a walk of QUEUE_PAGE_SIZE
 * entries off one of the `*_urgency_idx` indexes at any depth. The due filters compare the
 * stored due date with today's Beijing date, here in SQL, because "overdue" changes with the
 * date and is never stored. The count stops at COUNT_CAP + 1 (src/domain/staff/queue-count).
 * Exported apart from the verbs so a test can hold the query plans.
 */
import { and, asc, desc, eq, gte, lt, lte, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "../../../../db/client";
import { complaints } from "../../../../db/schema";
import { boundedCount } from "../../staff/internal/bounded-count";
import { searchedPhone } from "../../../../src/domain/complaint/phone-search";
import { FIXED_DUE } from "../../../../src/domain/complaint/queue-clock";
import { DUE_SOON_DAYS, QUEUE_PAGE_SIZE, type ComplaintListQuery } from "../../../../src/domain/complaint/schemas";
import { addDays, shanghaiDate, type IsoDate } from "../../../../src/domain/complaint/time";
import type { QueueKey } from "../../../../src/domain/staff/queue-cursor";
import type { Department } from "../../../../src/domain/staff/departments";
import type { Scope } from "../../../../src/domain/staff/permissions";
import type { StaffCtx } from "../../context";
import { ftsMatch, searchWords, textHolds, wordPath, type WordPath } from "./word-search";

export const QUEUE_ORDER = [asc(complaints.urgency), asc(complaints.id)] as const;
const REVERSE_ORDER = [desc(complaints.urgency), desc(complaints.id)] as const;

export type QueueFilter = Omit<ComplaintListQuery, "after">;
/**
 * Who asks: a liaison's department holds every query; `userId` answers "assigned to me".
 * `phoneIndex` is the blind index of a search text that is a phone number (phone-index.ts,
 * made by the verb, which holds the keys); without it a phone search matches nothing.
 */
export type QueueViewer = { heldTo: Department | null; userId: string; today: IsoDate; phoneIndex?: string | null };

/**
 * The viewer of a verb's actor: held to its own department when the action's scope is
 * "department", asking on the Beijing date of `now` (the verb's one reading of the clock).
 */
export const queueViewer = (ctx: StaffCtx, scope: Scope, { now = ctx.clock.now(), phoneIndex = null }: { now?: Date; phoneIndex?: string | null } = {}): QueueViewer => ({
  heldTo: scope === "department" ? ctx.actor.department : null,
  userId: ctx.actor.userId,
  today: shanghaiDate(now),
  phoneIndex,
});

/** Five digits or more: formatReference pads to five and writes every digit past 99,999. */
const REFERENCE = /^TS\d{4}-\d{5,}$/i;
/**
 * The FTS rowid of a case is year × 10^9 + its reference's number (migration 0017, whose
 * triggers write it): TS2026-00042 → 2026000000042, TS2026-100042 → 2026000100042. Every digit
 * is kept, so no two references share a key; this turns a key back into its reference.
 */
const FTS_KEY_YEAR = 1_000_000_000;
const FTS_REFERENCE = sql`'TS' || (rowid / ${sql.raw(String(FTS_KEY_YEAR))}) || '-' || printf('%05d', rowid % ${sql.raw(String(FTS_KEY_YEAR))})`;

function searchCondition(q: string, phoneIndex: string | null, path: WordPath): SQL {
  if (REFERENCE.test(q)) return eq(complaints.reference, q.toUpperCase());
  // A phone is only ever matched through its blind index, exactly; never as text (it is sealed).
  if (searchedPhone(q)) return phoneIndex ? eq(complaints.contactPhoneIndex, phoneIndex) : sql`0`;
  const words = searchWords(q);
  if (words.short !== null) return textHolds([words.short]);
  if (path === "walk") return textHolds(words.long);
  return sql`${complaints.reference} IN (SELECT ${FTS_REFERENCE} FROM complaints_fts WHERE complaints_fts MATCH ${ftsMatch(words.long)})`;
}

/**
 * How the queue answers `q` (word-search.ts): `fts` unless it is a search of words that match
 * many cases (`walk`) or are below three characters (`short`). A reference or a phone is `fts`
 * too: an index lookup either way.
 */
export async function searchPath(db: Db, q: string | undefined, walkFrom?: number): Promise<WordPath> {
  if (!q || REFERENCE.test(q) || searchedPhone(q)) return "fts";
  return wordPath(db, searchWords(q), walkFrom);
}

function dueCondition(due: NonNullable<QueueFilter["due"]>, today: IsoDate): SQL {
  const on = (d: IsoDate) => `${FIXED_DUE}${d}`;
  switch (due) {
    case "overdue":
      return and(gte(complaints.urgency, FIXED_DUE), lt(complaints.urgency, on(today)))!;
    case "today":
      return eq(complaints.urgency, on(today));
    case "soon":
      return and(gte(complaints.urgency, on(today)), lte(complaints.urgency, on(addDays(today, DUE_SOON_DAYS))))!;
  }
}

/**
 * The waiting filters' terms, written as literals exactly as the WHERE of their partial indexes
 * (db/schema/complaint, `complaints_waiting_*_idx`): SQLite uses a partial index only for a
 * query whose WHERE implies the index's, which a bound parameter would not show it.
 */
const WAITING_TERMS = {
  draft: sql`draft_answer IS NOT NULL`,
  extension: sql`pending_extension_days > 0`,
  information: sql`information_received_at IS NOT NULL`,
} as const;

function waitingCondition(waiting: NonNullable<QueueFilter["waiting"]>): SQL {
  return waiting === "draft" ? and(equals(complaints.status, "investigating", true), WAITING_TERMS.draft)! : WAITING_TERMS[waiting];
}

/**
 * A filter's equality term. With a waiting filter, whose partial index holds a handful of cases,
 * the other terms are written `+column = value` (SQLite's way of saying "not from an index"),
 * so the walk is of that small index and they are checked on it; without that, SQLite (which
 * has no statistics here) would rather walk every investigating case, or a whole department.
 */
const equals = (column: SQLiteColumn, value: string, onWalk: boolean): SQL => (onWalk ? sql`+${column} = ${value}` : eq(column, value));

/** The WHERE of a queue query: the filters and search asked for, and a liaison's own department. */
export function queueCondition(query: QueueFilter, viewer: QueueViewer, path: WordPath = "fts"): SQL | undefined {
  const where: SQL[] = [];
  const onWalk = query.waiting !== undefined;
  if (query.status) where.push(equals(complaints.status, query.status, onWalk));
  if (query.category) where.push(equals(complaints.category, query.category, onWalk));
  if (query.department) where.push(equals(complaints.department, query.department, onWalk));
  if (query.school) where.push(equals(complaints.school, query.school, onWalk));
  if (query.mine) where.push(equals(complaints.assignedTo, viewer.userId, onWalk));
  if (query.due) where.push(dueCondition(query.due, viewer.today));
  if (query.waiting) where.push(waitingCondition(query.waiting));
  if (query.q) where.push(searchCondition(query.q, viewer.phoneIndex ?? null, path));
  if (viewer.heldTo) where.push(equals(complaints.department, viewer.heldTo, onWalk));
  return where.length ? and(...where) : undefined;
}

/** The filter's count, bounded at COUNT_CAP + 1 (staff/internal/bounded-count). */
export const queueCount = (db: Db, condition: SQL | undefined) => boundedCount(db, complaints, condition);

// Row values, which SQLite turns into one range on an index ending in (urgency, id); the
// spelled-out OR would be answered by two lookups and a sort.
export const afterKey = ([urgency, id]: QueueKey) => sql`(${complaints.urgency}, ${complaints.id}) > (${urgency}, ${id})`;
const beforeKey = ([urgency, id]: QueueKey) => sql`(${complaints.urgency}, ${complaints.id}) < (${urgency}, ${id})`;

/** One page's keys (sort key and id), strictly after `after`, plus one more to tell whether a next page exists. */
export const queuePageKeys = (db: Db, condition: SQL | undefined, after: QueueKey | null) =>
  db
    .select({ urgency: complaints.urgency, id: complaints.id })
    .from(complaints)
    .where(and(condition, after ? afterKey(after) : undefined))
    .orderBy(...QUEUE_ORDER)
    .limit(QUEUE_PAGE_SIZE + 1);

/** The cases just before and just after `key` in the same filtered order (next/previous case). */
export async function queueNeighbours(db: Db, condition: SQL | undefined, key: QueueKey): Promise<{ previous: string | null; next: string | null }> {
  const [previous, next] = await Promise.all([
    db.select({ id: complaints.id }).from(complaints).where(and(condition, beforeKey(key))).orderBy(...REVERSE_ORDER).limit(1).get(),
    db.select({ id: complaints.id }).from(complaints).where(and(condition, afterKey(key))).orderBy(...QUEUE_ORDER).limit(1).get(),
  ]);
  return { previous: previous?.id ?? null, next: next?.id ?? null };
}
