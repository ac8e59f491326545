/**
 * The staff complaint queue: the cases the actor may see, filtered by status, category and
 * department, oldest received first (the order cases fall due), one page of
 * QUEUE_PAGE_SIZE at a time with the total the filter matches. A department liaison is held
 * to its own department whatever it asks for (fails closed without one). Each row carries
 * its live clock, computed from the case's pauses; the read is audited.
 */
import { and, asc, count, eq, inArray, type SQL } from "drizzle-orm";
import { complaintPauses, complaints } from "../../../db/schema";
import { QUEUE_PAGE_SIZE, type ComplaintListQuery } from "../../../src/domain/complaint/schemas";
import { writeAudit } from "../audit/write-audit";
import type { StaffCtx } from "../context";
import { authorize } from "../staff/authorize";
import { staffSummary, type StaffSummary } from "./staff-view";

export type ComplaintPage = { complaints: StaffSummary[]; total: number; page: number; pages: number };

export async function listComplaints({ ctx, query }: { ctx: StaffCtx; query: ComplaintListQuery }): Promise<ComplaintPage> {
  const scope = authorize(ctx, "complaints.read");
  const where: SQL[] = [];
  if (query.status) where.push(eq(complaints.status, query.status));
  if (query.category) where.push(eq(complaints.category, query.category));
  if (query.department) where.push(eq(complaints.department, query.department));
  if (scope === "department") {
    // Fails closed: a liaison without a department sees nothing.
    if (!ctx.actor.department) return { complaints: [], total: 0, page: query.page, pages: 1 };
    where.push(eq(complaints.department, ctx.actor.department));
  }
  const condition = where.length ? and(...where) : undefined;
  const [{ total }] = (await ctx.db.select({ total: count() }).from(complaints).where(condition)) as [{ total: number }];
  const rows = await ctx.db
    .select()
    .from(complaints)
    .where(condition)
    .orderBy(asc(complaints.receivedAt), asc(complaints.id))
    .limit(QUEUE_PAGE_SIZE)
    .offset((query.page - 1) * QUEUE_PAGE_SIZE)
    .all();
  const pauses = rows.length
    ? await ctx.db.select().from(complaintPauses).where(inArray(complaintPauses.complaintId, rows.map((r) => r.id))).all()
    : [];
  const now = ctx.clock.now();
  const filter = [query.status, query.category, query.department].filter(Boolean).join(",") || "all";
  await writeAudit(ctx.db, ctx, { action: "complaints.list", outcome: "success", actor: ctx.actor, objectType: "complaint", detail: `${filter} page:${query.page}` });
  return {
    complaints: rows.map((r) =>
      staffSummary(
        r,
        pauses.filter((p) => p.complaintId === r.id).map((p) => ({ from: p.fromOn, to: p.toOn })),
        now,
      ),
    ),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
  };
}
