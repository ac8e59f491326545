/**
 * `listComplaints`: the staff complaint queue: the cases the actor may see, filtered by
 * status, category and department, oldest received first (the order cases fall due), one
 * page of QUEUE_PAGE_SIZE at a time with the total the filter matches. A department liaison is
 * held to its own department whatever it asks for (fails closed without one). Each row carries
 * its live clock, computed from the case's history; the read is audited.
 */
import { inArray } from "drizzle-orm";
import { complaints } from "../../../db/schema";
import { QUEUE_PAGE_SIZE, type ComplaintListQuery } from "../../../src/domain/complaint/schemas";
import { writeAudit } from "../audit/internal/write-audit";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { historiesOf } from "./internal/case-facts";
import { QUEUE_ORDER, queueCondition, queueCount, queuePageIds } from "./internal/complaint-queue";
import { staffSummary, type StaffSummary } from "./internal/staff-view";

export type ComplaintPage = { complaints: StaffSummary[]; total: number; page: number; pages: number };

export const listComplaints = staffVerb("complaints.read", async ({ ctx, input: query }: { ctx: StaffCtx; input: ComplaintListQuery }, { scope }): Promise<ComplaintPage> => {
  // Fails closed: a liaison without a department sees nothing.
  if (scope === "department" && !ctx.actor.department) return { complaints: [], total: 0, page: query.page, pages: 1 };
  const condition = queueCondition(query, scope === "department" ? ctx.actor.department : null);
  const [{ total }] = (await queueCount(ctx.db, condition)) as [{ total: number }];
  const rows = await ctx.db.select().from(complaints).where(inArray(complaints.id, queuePageIds(ctx.db, condition, query.page))).orderBy(...QUEUE_ORDER).all();
  const histories = await historiesOf(ctx.db, rows.map((r) => r.id));
  const now = ctx.clock.now();
  const filter = [query.status, query.category, query.department].filter(Boolean).join(",") || "all";
  await writeAudit(ctx.db, ctx, { action: "complaints.list", outcome: "success", actor: ctx.actor, objectType: "complaint", detail: `${filter} page:${query.page}` });
  return {
    complaints: rows.map((r) => staffSummary(r, histories.get(r.id) ?? [], now)),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
  };
});
