/**
 * `listAudit({ ctx, query })` and `exportAudit(...)`: the audit trail viewer for auditors,
 * filtered by actor (id or e-mail), action, object id and UTC date range, newest first.
 * The export is CSV with formula-looking cells neutralised (a leading `=`, `+`, `-`, `@`
 * gets a quote) so a spreadsheet never runs them; the export itself is audited.
 */
import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import { auditLog, staffUsers } from "../../../db/schema";
import type { AuditQuery } from "../../../src/domain/staff/schemas";
import { authorize } from "../staff/authorize";
import type { StaffCtx } from "../context";
import { writeAudit } from "./write-audit";

export const AUDIT_PAGE_LIMIT = 500;
export type AuditRow = typeof auditLog.$inferSelect & { actorEmail: string | null };

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

async function query(ctx: StaffCtx, q: AuditQuery, limit: number): Promise<AuditRow[]> {
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

export async function listAudit({ ctx, query: q }: { ctx: StaffCtx; query: AuditQuery }): Promise<AuditRow[]> {
  authorize(ctx, "audit.read");
  return query(ctx, q, AUDIT_PAGE_LIMIT);
}

const COLUMNS = ["id", "at", "actorId", "actorEmail", "actorRole", "action", "objectType", "objectId", "outcome", "requestId", "detail"] as const;

export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function exportAudit({ ctx, query: q }: { ctx: StaffCtx; query: AuditQuery }): Promise<string> {
  authorize(ctx, "audit.export");
  const rows = await query(ctx, q, 100_000);
  await writeAudit(ctx.db, ctx, { action: "audit.export", outcome: "success", actor: ctx.actor, detail: `rows:${rows.length}` });
  const lines = [COLUMNS.join(","), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
