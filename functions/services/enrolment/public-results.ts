/**
 * `publicResults({ ctx, input: { catalogue } })`: the public allocation results: for each
 * grade's published run of the current intake, the anonymised re-runnable file (pseudonymous
 * ids only). A public verb: no actor, no action.
 */
import { and, eq, inArray } from "drizzle-orm";
import { allocationRuns } from "../../../db/schema";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import type { ServiceCtx } from "../context";

export async function publicResults({ ctx, input: { catalogue } }: { ctx: Pick<ServiceCtx, "db">; input: { catalogue: Catalogue } }) {
  const runs = await ctx.db
    .select()
    .from(allocationRuns)
    .where(and(eq(allocationRuns.intakeId, catalogue.intake.id), eq(allocationRuns.state, "published"), inArray(allocationRuns.grade, catalogue.intake.grades.map((g) => g.grade))));
  return {
    intake: { id: catalogue.intake.id, title: catalogue.intake.title },
    grades: runs.map((r) => ({ grade: r.grade, publishedAt: r.publishedAt, allocation: JSON.parse(r.published) as unknown })),
  };
}
