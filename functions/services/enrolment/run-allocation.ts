/**
 * `runAllocation({ ctx, input: { catalogue, grade, seed } })`: the supervisor's (招生主管) dry
 * run over the eligible applications of a grade (student-proposing deferred acceptance from
 * src/domain/enrolment/allocation, with priorities catchment → documented points → one lottery
 * number from the seed entered), to inspect per-school counts and every family's result before
 * publishing. Applicants appear under pseudonymous ids; refused once the grade is published.
 */
import { and, eq } from "drizzle-orm";
import { allocationRuns, applications } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import { allocate, toPublished } from "../../../src/domain/enrolment/allocation";
import { communityOf, sectionsForGrade, type Catalogue } from "../../../src/domain/enrolment/catalogue";
import { inCatchment } from "../../../src/domain/enrolment/points";
import type { Grade } from "../../../src/domain/enrolment/vocabulary";
import { writeAudit } from "../audit/internal/write-audit";
import type { SecureCtx, StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { publicIdOf, runSummary } from "./internal/allocation-run";

export const runAllocation = staffVerb(
  "allocation.run",
  async ({ ctx, input }: { ctx: StaffCtx & SecureCtx; input: { catalogue: Catalogue; grade: Grade; seed: string } }) => {
    const { catalogue } = input;
    const intakeId = catalogue.intake.id;
    const already = await ctx.db
      .select({ id: allocationRuns.id })
      .from(allocationRuns)
      .where(and(eq(allocationRuns.intakeId, intakeId), eq(allocationRuns.grade, input.grade), eq(allocationRuns.state, "published")))
      .get();
    if (already) throw new DomainError("conflict", "这个年级的分配结果已经发布，不能再运行。放弃的学位会按候补名单自动递补。");
    const eligible = await ctx.db
      .select()
      .from(applications)
      .where(and(eq(applications.intakeId, intakeId), eq(applications.grade, input.grade), eq(applications.state, "eligible")));
    const applicantIds: Record<string, string> = {};
    const applicants = await Promise.all(
      eligible.map(async (a) => {
        const id = await publicIdOf(ctx, a.id);
        applicantIds[id] = a.id;
        const catchment = communityOf(catalogue, a.areaId, a.communityId)?.catchment ?? {};
        const choices = (JSON.parse(a.preferences) as string[]).map((program) => ({ program, tier: inCatchment(catchment, a.grade, program) ? ("catchment" as const) : ("other" as const) }));
        return { id, choices, points: a.points };
      }),
    );
    const programs = sectionsForGrade(catalogue, input.grade).map((s) => ({ id: s.id, label: `${s.name}`, seats: s.seats }));
    const result = allocate({ seed: input.seed, programs, applicants });
    const runId = crypto.randomUUID();
    const at = ctx.clock.now().toISOString();
    await ctx.db.transaction(async (tx) => {
      await tx.insert(allocationRuns).values({
        id: runId,
        intakeId,
        grade: input.grade,
        seed: input.seed,
        state: "dry_run",
        result: JSON.stringify(result),
        published: JSON.stringify(toPublished(result)),
        applicantIds: JSON.stringify(applicantIds),
        createdBy: ctx.actor.userId,
        createdAt: at,
      });
      await writeAudit(tx, ctx, { action: "allocation.dry_run", outcome: "success", actor: ctx.actor, objectType: "allocation_run", objectId: runId, detail: `grade:${input.grade}` });
    });
    return { runId, ...runSummary(result) };
  },
);
