/**
 * `runAllocation({ ctx, input: { catalogue, grade } })`: the supervisor's (招生主管) dry run over
 * the eligible applications of the grade's current round (student-proposing deferred
 * acceptance from src/domain/enrolment/allocation, with priorities catchment → documented
 * points → one lottery number), to inspect per-school counts and every family's result. The
 * seed is a TEST- seed the server draws, never one a person enters, and a test seed can never
 * be published (`publishAllocation`); the run, its seed and its outcome digest still go to the
 * audit and to the public draw log, so nobody can try seeds quietly. Applicants appear under
 * pseudonymous ids.
 */
import { allocationRuns } from "../../../db/schema";
import { allocate, toPublished } from "../../../src/domain/enrolment/allocation";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import { outcomeDigest, testSeed } from "../../../src/domain/enrolment/draw/commit-reveal";
import type { Grade } from "../../../src/domain/enrolment/vocabulary";
import { writeAudit } from "../audit/internal/write-audit";
import type { SecureCtx, StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { runSummary } from "./internal/allocation-run";
import { drawMarket } from "./internal/draw-market";
import { gradePhase } from "./internal/draw-state";

export const runAllocation = staffVerb(
  "allocation.run",
  async ({ ctx, input }: { ctx: StaffCtx & SecureCtx; input: { catalogue: Catalogue; grade: Grade } }) => {
    const { catalogue, grade } = input;
    const { round } = await gradePhase(ctx, catalogue, grade);
    const market = await drawMarket(ctx, catalogue, grade, round);
    const seed = testSeed(crypto.randomUUID());
    const result = allocate({ seed, programs: market.programs, applicants: market.applicants });
    const digest = outcomeDigest(result.applicants);
    const runId = crypto.randomUUID();
    const at = ctx.clock.now().toISOString();
    await ctx.db.transaction(async (tx) => {
      await tx.insert(allocationRuns).values({
        id: runId,
        intakeId: catalogue.intake.id,
        grade,
        round,
        seed,
        state: "dry_run",
        result: JSON.stringify(result),
        published: JSON.stringify(toPublished(result)),
        applicantIds: JSON.stringify(market.applicantIds),
        createdBy: ctx.actor.userId,
        createdAt: at,
        outcomeDigest: digest,
      });
      await writeAudit(tx, ctx, { action: "allocation.dry_run", outcome: "success", actor: ctx.actor, objectType: "allocation_run", objectId: runId, detail: `grade:${grade};round:${round};seed:${seed};outcome:${digest}` });
    });
    return { runId, round, outcomeDigest: digest, ...runSummary(result) };
  },
);
