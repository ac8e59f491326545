/**
 * `listApplications({ ctx, input: { catalogue, ...query } })`: the review queue: filters
 * (state, grade, township, school preference, overdue review) and paging. Names are opened for
 * the page shown only; ID numbers are never in the list. The read is audited (SECURITY.md item 10).
 */
import { sql } from "drizzle-orm";
import { applications } from "../../../db/schema";
import { sectionName, type Catalogue } from "../../../src/domain/enrolment/catalogue";
import { PAGE_SIZE, REVIEW_DAYS, type ApplicationQuery } from "../../../src/domain/enrolment/staff-schemas";
import { APPLICATION_STATE_LABELS, REVIEWABLE_STATES } from "../../../src/domain/enrolment/states";
import { GRADE_LABELS } from "../../../src/domain/enrolment/vocabulary";
import { writeAudit } from "../audit/internal/write-audit";
import type { SecureCtx, StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { openPersonal } from "./internal/application-record";
import { applicationQueueCondition, applicationQueuePage } from "./internal/application-queue";

export const listApplications = staffVerb(
  "applications.review",
  async ({ ctx, input: { catalogue, ...query } }: { ctx: StaffCtx & SecureCtx; input: { catalogue: Catalogue } & ApplicationQuery }) => {
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
          duplicate: r.duplicateOf !== null,
        };
      }),
    );
    await ctx.db.transaction(async (tx) =>
      writeAudit(tx, ctx, { action: "applications.list", outcome: "success", actor: ctx.actor, objectType: "application", detail: `page:${query.page}` }),
    );
    return { items, total, page: query.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
  },
);
