/**
 * `writeAudit(tx, ctx, entry)`: appends one audit row inside the caller's transaction, so
 * the row and the action it records commit or roll back together (SECURITY.md item 10).
 * There is deliberately no update or delete counterpart.
 */
import { auditLog } from "../../../../db/schema";
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

export async function writeAudit(tx: Tx | Db, ctx: Pick<ServiceCtx, "clock" | "requestId">, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    at: ctx.clock.now().toISOString(),
    actorId: entry.actor?.userId ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    outcome: entry.outcome,
    requestId: ctx.requestId,
    detail: entry.detail ?? null,
  });
}
