/**
 * Idempotency keys (SECURITY.md item 12): one row per (scope, key) a client sent with a
 * write, holding a hash of the request body and the JSON result the first execution
 * returned. The primary key makes two parallel first attempts collide, so only one commits;
 * functions/services/idempotency/internal/with-idempotency.ts writes and reads it.
 */
import { primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    /** Which operation the key belongs to, e.g. `enrolment.submit`; keys of two scopes never meet. */
    scope: text("scope").notNull(),
    /** The client's Idempotency-Key header. */
    key: text("key").notNull(),
    /** SHA-256 hex of the canonical JSON of the request body. */
    requestHash: text("request_hash").notNull(),
    /** The first execution's result as JSON (only ids, references and statuses; never secrets). */
    resultJson: text("result_json").notNull(),
    /** ISO 8601 UTC. */
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
