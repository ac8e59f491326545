/**
 * A word search of the staff complaint queue (issue 19 item 6), and which of three ways it is
 * answered. Words of three characters or more go through the FTS5 trigram table when they match
 * few cases (`fts`): the matches are looked up and sorted, cheap for a few thousand. A word that
 * matches many (a category's name, a common phrase) would have every match looked up and sorted
 * (2 s at 1,000,000), so it is answered by a `walk` instead: the queue's own urgency index in
 * order, each row's text tested, stopping at the page's 51 matches or after WALK_EXAMINED rows
 * (word-walk.ts); a common word is met within a few rows. Words below the trigram's three
 * characters are always a walk (`short`). The text tested is what the FTS triggers index
 * (migration 0017's body, plain columns), folded to lower case as the trigram tokenizer folds
 * ASCII, so `fts` and `walk` find the same cases.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { complaints } from "../../../../db/schema";

/** FTS5's trigram tokenizer matches three characters or more. */
const TRIGRAM = 3;
/** More FTS matches than this and a search walks the urgency index instead (docs/performance.md). */
export const WALK_FROM = 2_000;
/**
 * A walk looks for its words in at most this many cases a page (and for the count): testing a
 * row's text costs about 1 µs, more when the filter's rows lie apart (at 1,000,000, 5,000 rows
 * took 6–15 ms p50 for a page and 6–12 ms for a count, too much beside the ~10 ms every request
 * costs anyway).
 */
export const WALK_EXAMINED = 2_000;

export type WordPath = "fts" | "walk" | "short";
/** The words a search looks for: every space-separated word of three characters or more, or else the first word. */
export type SearchWords = { long: string[]; short: string | null };

export function searchWords(q: string): SearchWords {
  const all = q.split(/\s+/).filter(Boolean);
  const long = all.filter((w) => [...w].length >= TRIGRAM);
  return long.length ? { long, short: null } : { long: [], short: all[0] ?? q };
}

/** Each word as a quoted FTS5 phrase (FTS5's syntax characters lose their meaning), all required. */
export const ftsMatch = (words: string[]) => words.map((w) => `"${w.replaceAll('"', '""')}"`).join(" ");

/** The FTS body exactly as migration 0017's triggers write it. */
const BODY = sql`lower(concat_ws(char(10), ${complaints.whatHappened}, ${complaints.notAcceptedReason}, ${complaints.draftAnswer}, ${complaints.answer}))`;

/** A row's staff-visible text holds every word (ASCII case folded, as the trigram index folds it). */
export const textHolds = (words: string[]): SQL => sql.join(words.map((w) => sql`instr(${BODY}, lower(${w})) > 0`), sql` AND `);

/**
 * How a search of words is answered: `short` below three characters; otherwise FTS5's matches
 * are counted to `walkFrom` + 1 (the index stops there: under a millisecond) and a larger
 * number means `walk`. `walkFrom` is a parameter so a test can force either path.
 */
export async function wordPath(db: Db, words: SearchWords, walkFrom = WALK_FROM): Promise<WordPath> {
  if (!words.long.length) return "short";
  const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 FROM complaints_fts WHERE complaints_fts MATCH ${ftsMatch(words.long)} LIMIT ${walkFrom + 1})`);
  return Number(row?.n ?? 0) > walkFrom ? "walk" : "fts";
}
