/**
 * `writeAudit(tx, ctx, entry)`: appends one audit row inside the caller's transaction, so
 * the row and the action it records commit or roll back together (SECURITY.md item 10).
 * There is deliberately no update or delete counterpart. `auditWhen` is the same row as one
 * statement of an atomic batch, written only when `when` holds, with its object id optionally
 * read in SQL (a reference the batch itself drew).
 */
import type { SQL } from "drizzle-orm";
import { auditLog } from "../../../../db/schema";
import { insertSelect } from "../../../platform/insert-select";
import type { StaffRole } from "../../../../src/domain/staff/roles";
import type { AUDIT_OUTCOMES } from "../../../../src/domain/staff/schemas";
import type { Db } from "../../../../db/client";
import type { ServiceCtx, StaffPrincipal, Tx } from "../../context";

export type AuditEntry = {
  action: string;
  outcome: (typeof AUDIT_OUTCOMES)[number];
  actor?: Pick<StaffPrincipal, "userId" | "role"> | { userId: string | null; role: StaffRole | null } | null;
  objectType?: string;
  objectId?: string;
  /** A short code, never personal data or free text. */
  detail?: string;
};

type AuditCtx = Pick<ServiceCtx, "clock" | "requestId">;

export async function writeAudit(tx: Tx | Db, ctx: AuditCtx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditValues(ctx, entry));
}

export function auditWhen(db: Db, ctx: AuditCtx, entry: AuditEntry, when: SQL, objectId?: SQL) {
  return db.run(insertSelect(auditLog, { ...auditValues(ctx, entry), ...(objectId ? { objectId } : {}) }, when));
}

function auditValues(ctx: AuditCtx, entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    at: ctx.clock.now().toISOString(),
    actorId: entry.actor?.userId ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    outcome: entry.outcome,
    requestId: ctx.requestId,
    detail: entry.detail ?? null,
  };
}
