/**
 * The audit trail (SECURITY.md item 10): one row per sign-in, refused access, read of a
 * case or document, reveal and change, written in the same transaction as what it records.
 * Append-only: no code path updates it, and a trigger (migration `audit_append_only`) makes
 * the database refuse UPDATE as well. The one delete is the retention purge
 * (services/audit/purge-audit-log) of rows past the privacy notice's period; a trigger
 * (migration `audit_retention`) refuses to delete any row younger than six months.
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
