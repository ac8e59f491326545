/**
 * Per-client request counts for rate limits (SECURITY.md item 5), kept in the database so
 * the limit holds across restarts, processes and Worker isolates. One row per bucket, client
 * and fixed window; the client key is an HMAC of the address (INDEX_KEY), never the raw IP.
 * Rows of past windows are useless and may be deleted at any time.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const rateLimitCounters = sqliteTable(
  "rate_limit_counters",
  {
    /** The rule's name, e.g. `staff-sign-in`, `enrolment-submit`. */
    bucket: text("bucket").notNull(),
    /** HMAC-SHA256 (hex) of the client's address or of another key the rule names. */
    clientKey: text("client_key").notNull(),
    /** Start of the fixed window, ISO 8601 UTC. */
    windowStart: text("window_start").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.clientKey, t.windowStart] }), index("rate_limit_counters_window_idx").on(t.windowStart)],
);
