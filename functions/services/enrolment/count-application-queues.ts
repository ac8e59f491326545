/**
 * `countApplicationQueues`: the console home's enrolment counts for the current intake (issue
 * 19): applications to review, those whose family sent the information asked for, and offers
 * awaiting the family's answer, each with the queue filter that lists exactly them. One
 * indexed count each, bounded like the queue's total, under the same WHERE as the review queue (internal/application-queue).
 */
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import { APPLICATION_COUNT_KEYS, APPLICATION_COUNT_STATES, type ApplicationCountKey } from "../../../src/domain/enrolment/queue-labels";
import { countedTotal } from "../staff/internal/bounded-count";
import { writeAudit } from "../audit/internal/write-audit";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { applicationQueueCondition, applicationQueueCount } from "./internal/application-queue";

export type ApplicationCount = { key: ApplicationCountKey; filter: { state: string }; count: number; atLeast: boolean };

export const countApplicationQueues = staffVerb("applications.review", async ({ ctx, input: { catalogue } }: { ctx: StaffCtx; input: { catalogue: Catalogue } }): Promise<ApplicationCount[]> => {
  const counts: ApplicationCount[] = [];
  for (const key of APPLICATION_COUNT_KEYS) {
    const state = APPLICATION_COUNT_STATES[key];
    const { total, atLeast } = await countedTotal(applicationQueueCount(ctx.db, applicationQueueCondition(catalogue.intake.id, { state })));
    counts.push({ key, filter: { state }, count: total, atLeast });
  }
  await ctx.db.transaction(async (tx) =>
    writeAudit(tx, ctx, { action: "applications.counts", outcome: "success", actor: ctx.actor, objectType: "application", detail: APPLICATION_COUNT_KEYS.join(",") }),
  );
  return counts;
});
