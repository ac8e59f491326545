/**
 * Human-readable references, gap-free per (prefix, year): "RX2026-00042" (applications),
 * "TS2026-00007" (complaints). One upsert with RETURNING inside the caller's transaction
 * bumps the counter row, so the row is write-locked until the transaction ends (no two
 * submissions get the same number) and a rollback returns the number (no gaps).
 */
import { sql } from "drizzle-orm";
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
