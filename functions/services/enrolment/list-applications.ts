/**
 * `listApplications({ ctx, input: { catalogue, ...query } })`: the review queue (issue 19):
 * filters (state, grade, school: a preference or the offer, documents to review, a reference),
 * what waits for a reviewer first (submitted or with information received, oldest first), then
 * the rest; one keyset page of PAGE_SIZE at a time (`after`, an opaque cursor; `next` is null on
 * the last page) with the total the filter matches (to COUNT_CAP, then "at least":
 * src/domain/staff/queue-count). Names are opened for the page shown only;
 * ID numbers are never in the list. The read is audited (SECURITY.md item 10).
 */
import { sectionName, type Catalogue } from "../../../src/domain/enrolment/catalogue";
import { PAGE_SIZE, REVIEW_DAYS, type ApplicationQuery } from "../../../src/domain/enrolment/staff-schemas";
import { APPLICATION_STATE_LABELS, REVIEWABLE_STATES } from "../../../src/domain/enrolment/states";
import { GRADE_LABELS } from "../../../src/domain/enrolment/vocabulary";
import { DomainError } from "../../../src/domain/errors";
import { BAD_CURSOR, decodeCursor, encodeCursor } from "../../../src/domain/staff/queue-cursor";
import { countedTotal } from "../staff/internal/bounded-count";
import { writeAudit } from "../audit/internal/write-audit";
import type { SecureCtx, StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { openPersonal } from "./internal/application-record";
import { applicationQueueCondition, applicationQueueCount, applicationQueuePage } from "./internal/application-queue";

export const listApplications = staffVerb(
  "applications.review",
  async ({ ctx, input: { catalogue, ...query } }: { ctx: StaffCtx & SecureCtx; input: { catalogue: Catalogue } & ApplicationQuery }) => {
    const after = query.after ? decodeCursor(query.after) : null;
    if (query.after && !after) throw new DomainError("validation", BAD_CURSOR, { fields: [{ path: "after", message: BAD_CURSOR }] });
    const now = ctx.clock.now();
    const { after: _cursor, ...filter } = query;
    const condition = applicationQueueCondition(catalogue.intake.id, filter);
    const counted = await countedTotal(applicationQueueCount(ctx.db, condition));
    const page = await applicationQueuePage(ctx.db, condition, after);
    const shown = page.slice(0, PAGE_SIZE);
    const areaName = (id: string) => catalogue.areas.find((a) => a.id === id)?.name ?? id;
    const reviewBy = new Date(now.getTime() - REVIEW_DAYS * 86400 * 1000).toISOString();
    const items = await Promise.all(
      shown.map(async ({ row: r }) => {
        const personal = await openPersonal(ctx.keys, r);
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
          overdue: REVIEWABLE_STATES.includes(r.state) && (r.submittedAt ?? "") < reviewBy,
          duplicate: r.duplicateOf !== null,
        };
      }),
    );
    const described = Object.entries(filter).map(([k, v]) => `${k}=${k === "q" ? "…" : v}`).join(",") || "all";
    await ctx.db.transaction(async (tx) =>
      writeAudit(tx, ctx, { action: "applications.list", outcome: "success", actor: ctx.actor, objectType: "application", detail: `${described}${after ? " after" : ""}` }),
    );
    const last = shown.at(-1);
    return { items, ...counted, next: page.length > PAGE_SIZE && last ? encodeCursor([last.key, last.row.id]) : null };
  },
);
