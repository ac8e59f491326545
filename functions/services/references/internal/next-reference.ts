/**
 * Human-readable references, gap-free per (prefix, year): "RX2026-00042" (applications),
 * "TS2026-00007" (complaints). One upsert bumps the counter row inside the caller's
 * transaction or atomic batch, so the row is write-locked until it ends (no two submissions
 * get the same number) and a rollback returns the number (no gaps). `nextReference` does it
 * with RETURNING in an interactive transaction (seeding); a submission's one batch bumps the
 * counter with `bumpReference` and reads the reference back in SQL with `currentReference`,
 * formatted exactly as `formatReference` does.
 */
import { sql, type SQL } from "drizzle-orm";
import { referenceCounters, type ReferencePrefix } from "../../../../db/schema";
import type { Tx } from "../../context";

export function formatReference(prefix: ReferencePrefix, year: number, n: number): string {
  return `${prefix}${year}-${String(n).padStart(5, "0")}`;
}

export async function nextReference(tx: Tx, prefix: ReferencePrefix, year: number): Promise<string> {
  const row = await tx
    .insert(referenceCounters)
    .values({ prefix, year, last: 1 })
    .onConflictDoUpdate({ target: [referenceCounters.prefix, referenceCounters.year], set: { last: sql`${referenceCounters.last} + 1` } })
    .returning({ last: referenceCounters.last })
    .get();
  return formatReference(prefix, year, row.last);
}

/** Takes the next number when `when` holds (a batch statement; the SELECT's WHERE also keeps SQLite's upsert parse unambiguous). */
export function bumpReference(prefix: ReferencePrefix, year: number, when: SQL): SQL {
  return sql`insert into reference_counters (prefix, year, last) select ${prefix}, ${year}, 1 where ${when}
    on conflict (prefix, year) do update set last = last + 1`;
}

/** The reference the counter stands at, as an SQL expression: the one `bumpReference` just took in the same batch. */
export function currentReference(prefix: ReferencePrefix, year: number): SQL {
  return sql`select prefix || year || '-' || printf('%05d', last) from reference_counters where prefix = ${prefix} and year = ${year}`;
}
