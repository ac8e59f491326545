/**
 * Staff accounts, their sessions and their failed sign-in attempts (SECURITY.md items 7–8).
 * Passwords are argon2id PHC strings; session rows are keyed by the SHA-256 of the token,
 * so a copy of the database does not hold usable cookies. Failures are counted here, not
 * in memory, so lockout holds across restarts and Worker isolates. Times are ISO 8601 UTC.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { DEPARTMENTS } from "../../src/domain/staff/departments";
import { STAFF_ROLES } from "../../src/domain/staff/roles";

export const staffUsers = sqliteTable("staff_users", {
  id: text("id").primaryKey(),
  /** Lower-cased at the boundary; the sign-in name. */
  email: text("email").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role", { enum: STAFF_ROLES }).notNull(),
  department: text("department", { enum: DEPARTMENTS }),
  passwordHash: text("password_hash").notNull(),
  /** Base32 TOTP secret; set at enrolment (or by the demo seed) and confirmed by a first code. */
  totpSecret: text("totp_secret"),
  totpConfirmedAt: text("totp_confirmed_at"),
  /** The last accepted TOTP time step: a code at or before it is refused (RFC 6238 §5.2). */
  totpLastStep: integer("totp_last_step"),
  /** Set for a new account's one-time password: it must be replaced before any other page. */
  passwordChangeRequired: integer("password_change_required", { mode: "boolean" }).notNull().default(true),
  disabledAt: text("disabled_at"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const SESSION_STAGES = ["second_factor", "password_change", "full"] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

export const staffSessions = sqliteTable(
  "staff_sessions",
  {
    /** SHA-256 (hex) of the cookie token; the token itself is never stored. */
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => staffUsers.id),
    /**
     * `second_factor`: password accepted, TOTP (or enrolment) still due; `password_change`:
     * both factors passed but the one-time password must be replaced first; `full`: signed in.
     */
    stage: text("stage", { enum: SESSION_STAGES }).notNull(),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
  },
  (t) => [index("staff_sessions_user_idx").on(t.userId)],
);

export const staffLoginFailures = sqliteTable(
  "staff_login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The lower-cased e-mail as typed, known or not, so unknown accounts lock the same way. */
    email: text("email").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("staff_login_failures_email_at_idx").on(t.email, t.at)],
);
