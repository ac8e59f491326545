/**
 * The audit trail as auditors filter it (actor id or e-mail, action, object id, UTC date
 * range), newest first, and the CSV cell rule: a leading `=`, `+`, `-`, `@` gets a quote so a
 * spreadsheet never runs it. Shared by the list and the export.
 */
import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import { auditLog, staffUsers } from "../../../../db/schema";
import type { AuditQuery } from "../../../../src/domain/staff/schemas";
import type { ServiceCtx } from "../../context";

export type AuditRow = typeof auditLog.$inferSelect & { actorEmail: string | null };

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

export async function queryAudit(ctx: Pick<ServiceCtx, "db">, q: AuditQuery, limit: number): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (q.actor) where.push(or(eq(auditLog.actorId, q.actor), eq(staffUsers.email, q.actor.toLowerCase()))!);
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.object) where.push(eq(auditLog.objectId, q.object));
  if (q.from) where.push(gte(auditLog.at, `${q.from}T00:00:00.000Z`));
  if (q.to) where.push(lt(auditLog.at, nextDay(q.to)));
  const rows = await ctx.db
    .select({ row: auditLog, actorEmail: staffUsers.email })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorId))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
  return rows.map((r) => ({ ...r.row, actorEmail: r.actorEmail }));
}

export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
