/**
 * Counters behind human-readable references ("RX2026-00042" for applications, "TS2026-00007"
 * for complaints): one row per (prefix, year), bumped inside the submission's transaction,
 * so a rolled-back submission gives its number back and the sequence has no gaps.
 */
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const REFERENCE_PREFIXES = ["RX", "TS"] as const;
export type ReferencePrefix = (typeof REFERENCE_PREFIXES)[number];

export const referenceCounters = sqliteTable(
  "reference_counters",
  {
    prefix: text("prefix", { enum: REFERENCE_PREFIXES }).notNull(),
    year: integer("year").notNull(),
    /** The last number handed out. */
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);
