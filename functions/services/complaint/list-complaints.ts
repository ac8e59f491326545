/**
 * The staff complaint queue: the cases the actor may see, filtered by status, category and
 * department, oldest received first (the order cases fall due), one page of
 * QUEUE_PAGE_SIZE at a time with the total the filter matches. A department liaison is held
 * to its own department whatever it asks for (fails closed without one). Each row carries
 * its live clock, computed from the case's pauses; the read is audited. The count and the
 * page's ids are answered from the queue indexes (db/schema/complaint.ts); `queueCount` and
 * `queuePageIds` are exported so a test can hold their query plans to that.
 */
import { and, asc, count, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { complaintPauses, complaints } from "../../../db/schema";
import { QUEUE_PAGE_SIZE, type ComplaintListQuery } from "../../../src/domain/complaint/schemas";
import type { Department } from "../../../src/domain/staff/departments";
import { writeAudit } from "../audit/write-audit";
import type { StaffCtx } from "../context";
import { authorize } from "../staff/authorize";
import { staffSummary, type StaffSummary } from "./staff-view";

/** Oldest received first (the order cases fall due); the id breaks ties so pages never overlap. */
const QUEUE_ORDER = [asc(complaints.receivedAt), asc(complaints.id)] as const;

export type ComplaintPage = { complaints: StaffSummary[]; total: number; page: number; pages: number };

/** The WHERE of a queue query: the filters asked for, and a liaison's own department. */
export function queueCondition(query: Omit<ComplaintListQuery, "page">, heldTo: Department | null): SQL | undefined {
  const where: SQL[] = [];
  if (query.status) where.push(eq(complaints.status, query.status));
  if (query.category) where.push(eq(complaints.category, query.category));
  if (query.department) where.push(eq(complaints.department, query.department));
  if (heldTo) where.push(eq(complaints.department, heldTo));
  return where.length ? and(...where) : undefined;
}

export const queueCount = (db: Db, condition: SQL | undefined) => db.select({ total: count() }).from(complaints).where(condition);

/**
 * The page's ids alone, so OFFSET steps over entries of a queue index rather than whole
 * rows: a deep page costs little more than the first.
 */
export const queuePageIds = (db: Db, condition: SQL | undefined, page: number) =>
  db
    .select({ id: complaints.id })
    .from(complaints)
    .where(condition)
    .orderBy(...QUEUE_ORDER)
    .limit(QUEUE_PAGE_SIZE)
    .offset((page - 1) * QUEUE_PAGE_SIZE);

export async function listComplaints({ ctx, query }: { ctx: StaffCtx; query: ComplaintListQuery }): Promise<ComplaintPage> {
  const scope = authorize(ctx, "complaints.read");
  // Fails closed: a liaison without a department sees nothing.
  if (scope === "department" && !ctx.actor.department) return { complaints: [], total: 0, page: query.page, pages: 1 };
  const condition = queueCondition(query, scope === "department" ? ctx.actor.department : null);
  const [{ total }] = (await queueCount(ctx.db, condition)) as [{ total: number }];
  const rows = await ctx.db.select().from(complaints).where(inArray(complaints.id, queuePageIds(ctx.db, condition, query.page))).orderBy(...QUEUE_ORDER).all();
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
