/**
 * The audit trail (SECURITY.md item 10): one row per sign-in, refused access, read of a
 * case or document, reveal and change, written in the same transaction as what it records.
 * Append-only: no code path updates or deletes it, and triggers (migration
 * `audit_append_only`) make the database refuse UPDATE and DELETE as well.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { AUDIT_OUTCOMES } from "../../src/domain/staff/schemas";
import { STAFF_ROLES } from "../../src/domain/staff/roles";

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** ISO 8601 UTC. */
    at: text("at").notNull(),
    /** Staff user id; null when nobody is signed in (a failed sign-in for an unknown name). */
    actorId: text("actor_id"),
    actorRole: text("actor_role", { enum: STAFF_ROLES }),
    /** Dotted verb, e.g. `auth.sign_in`, `users.disable`, `access.denied`. */
    action: text("action").notNull(),
    objectType: text("object_type"),
    objectId: text("object_id"),
    outcome: text("outcome", { enum: AUDIT_OUTCOMES }).notNull(),
    requestId: text("request_id").notNull(),
    /** A short code (never personal data), e.g. the reason for a refusal. */
    detail: text("detail"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_actor_idx").on(t.actorId)],
);
