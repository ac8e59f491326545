/**
 * `publicResults({ ctx, input: { catalogue } })`: the public allocation results of the current
 * intake as the one results file (src/domain/enrolment/allocation/results-file.ts): for each
 * grade's published round, the anonymised re-runnable file (pseudonymous ids only) and its
 * 统筹安排 placements with what re-runs them (townships and catchment programs, no community). This very
 * file is what `npm run allocation:verify` and /enrol/results/verify/ accept. A public verb.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { allocationRuns } from "../../../db/schema";
import { RESULTS_FORMAT, type PublishedAllocation, type ResultsFile } from "../../../src/domain/enrolment/allocation";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import type { PlacementRecord } from "../../../src/domain/enrolment/draw/placement-record";
import type { ServiceCtx } from "../context";

export async function publicResults({ ctx, input: { catalogue } }: { ctx: Pick<ServiceCtx, "db">; input: { catalogue: Catalogue } }) {
  const runs = await ctx.db
    .select()
    .from(allocationRuns)
    .where(and(eq(allocationRuns.intakeId, catalogue.intake.id), eq(allocationRuns.state, "published"), inArray(allocationRuns.grade, catalogue.intake.grades.map((g) => g.grade))))
    .orderBy(asc(allocationRuns.grade), asc(allocationRuns.round));
  return {
    format: RESULTS_FORMAT,
    intake: { id: catalogue.intake.id, title: catalogue.intake.title },
    grades: runs.map((r) => ({ grade: r.grade, round: r.round, publishedAt: r.publishedAt, allocation: JSON.parse(r.published) as PublishedAllocation, placement: r.placement === null ? null : (JSON.parse(r.placement) as PlacementRecord) })),
  } satisfies ResultsFile;
}
