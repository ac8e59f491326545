/**
 * The review queue: filters (state, grade, township, school preference, overdue review) and
 * paging. Names are opened for the page shown only; ID numbers are never in the list. The
 * read is audited (SECURITY.md item 10).
 */
import { and, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { applications } from "../../../db/schema";
import { PAGE_SIZE, REVIEW_DAYS, type ApplicationQuery } from "../../../src/domain/enrolment/staff-schemas";
import { REVIEWABLE_STATES, APPLICATION_STATE_LABELS } from "../../../src/domain/enrolment/states";
import { GRADE_LABELS } from "../../../src/domain/enrolment/vocabulary";
import { sectionName, type Catalogue } from "../../../src/domain/enrolment/catalogue";
import { writeAudit } from "../audit/write-audit";
import type { SecureCtx, StaffCtx } from "../context";
import { authorize } from "../staff/authorize";
import { openPersonal } from "./internal/application-record";

/** The WHERE of a review-queue query: the intake's submitted applications, with the filters asked for. */
export function applicationQueueCondition(intakeId: string, query: ApplicationQuery, now: Date): SQL | undefined {
  const where: SQL[] = [eq(applications.intakeId, intakeId), sql`${applications.state} <> 'draft'`];
  if (query.state) where.push(eq(applications.state, query.state));
  if (query.grade) where.push(eq(applications.grade, query.grade));
  if (query.area) where.push(eq(applications.areaId, query.area));
  if (query.preference) where.push(sql`exists (select 1 from json_each(${applications.preferences}) where value = ${query.preference})`);
  if (query.overdue) {
    where.push(inArray(applications.state, [...REVIEWABLE_STATES]));
    where.push(lt(applications.submittedAt, new Date(now.getTime() - REVIEW_DAYS * 86400 * 1000).toISOString()));
  }
  return and(...where);
}

/** One page, newest submission first, read in order off applications_queue_idx / applications_state_idx. */
export const applicationQueuePage = (db: Db, condition: SQL | undefined, page: number) =>
  db
    .select()
    .from(applications)
    .where(condition)
    .orderBy(desc(applications.submittedAt))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);

export async function listApplications({ ctx, catalogue, query }: { ctx: StaffCtx & SecureCtx; catalogue: Catalogue; query: ApplicationQuery }) {
  authorize(ctx, "applications.review");
  const now = ctx.clock.now();
  const condition = applicationQueueCondition(catalogue.intake.id, query, now);
  const [{ total }] = (await ctx.db.select({ total: sql<number>`count(*)` }).from(applications).where(condition)) as [{ total: number }];
  const rows = await applicationQueuePage(ctx.db, condition, query.page);
  const areaName = (id: string) => catalogue.areas.find((a) => a.id === id)?.name ?? id;
  const items = await Promise.all(
    rows.map(async (r) => {
      const personal = await openPersonal(ctx.keys, r);
      const overdue = REVIEWABLE_STATES.includes(r.state) && (r.submittedAt ?? "") < new Date(now.getTime() - REVIEW_DAYS * 86400 * 1000).toISOString();
      return {
        id: r.id,
        reference: r.reference ?? "",
        childName: personal.child.name,
        state: r.state,
        stateLabel: APPLICATION_STATE_LABELS[r.state],
        grade: GRADE_LABELS[r.grade],
        area: areaName(r.areaId),
        preferences: (JSON.parse(r.preferences) as string[]).map((p) => sectionName(catalogue, p)),
        points: r.points,
        submittedAt: r.submittedAt ?? "",
        overdue,
      };
    }),
  );
  await ctx.db.transaction(async (tx) =>
    writeAudit(tx, ctx, { action: "applications.list", outcome: "success", actor: ctx.actor, objectType: "application", detail: `page:${query.page}` }),
  );
  return { items, total, page: query.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
