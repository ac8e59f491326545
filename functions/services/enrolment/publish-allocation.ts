/**
 * `publishAllocation({ ctx, input: { catalogue, runId } })`: sends the offers of a round's
 * official draw: every family is offered a place or waitlisted with its explanation, in one
 * transaction with the outbox messages, and the anonymised file becomes public. A dry run
 * (TEST- seed) is never published; a round already published says so; and the draw is refused
 * when the eligible applications of its round changed since the applicant set was frozen.
 */
import { and, eq } from "drizzle-orm";
import { allocationRuns, applicationEvents, applications } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import type { AllocationResult } from "../../../src/domain/enrolment/allocation";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import { offerDeadline } from "../../../src/domain/enrolment/intake";
import { transition } from "../../../src/domain/enrolment/states";
import { isTestSeed } from "../../../src/domain/enrolment/draw/commit-reveal";
import { writeAudit } from "../audit/internal/write-audit";
import type { SecureCtx, StaffCtx } from "../context";
import { smsGuardian } from "./internal/sms-guardian";
import { staffVerb } from "../staff-verb";
import { placementsFor } from "./internal/placement-offers";
import { LATE_OFFER_DAYS } from "./internal/waitlist";
import { chineseDate, shanghaiDate } from "../../../src/domain/complaint/time";
import { noSuchRun } from "./internal/allocation-run";

export const publishAllocation = staffVerb(
  "allocation.publish",
  async ({ ctx, input: { catalogue, runId } }: { ctx: StaffCtx & SecureCtx; input: { catalogue: Catalogue; runId: string } }) => {
    const run = await ctx.db.select().from(allocationRuns).where(eq(allocationRuns.id, runId)).get();
    if (!run) throw noSuchRun();
    if (run.state === "published") throw new DomainError("conflict", "这个分配批次已经发布，不能再次发布。");
    const roundPublished = await ctx.db
      .select({ id: allocationRuns.id })
      .from(allocationRuns)
      .where(and(eq(allocationRuns.intakeId, run.intakeId), eq(allocationRuns.grade, run.grade), eq(allocationRuns.round, run.round), eq(allocationRuns.state, "published")))
      .get();
    if (roundPublished) throw new DomainError("conflict", "这个年级本轮的分配结果已经发布，不能再发布另一次运行。放弃的学位会按候补名单自动递补。");
    if (run.state === "dry_run" || isTestSeed(run.seed)) throw new DomainError("conflict", "这是试运行，使用的是测试种子，不能发布。请按抽签规程冻结名单、由见证人揭示随机串后正式抽签。");
    if (run.state === "superseded") throw new DomainError("conflict", "这次抽签已被重新抽签取代，不能发布。");
    const result = JSON.parse(run.result) as AllocationResult;
    const byPublic = JSON.parse(run.applicantIds) as Record<string, string>;
    const ids = Object.values(byPublic);
    const now = ctx.clock.now().toISOString();
    // A second round's offers come after the intake's deadline: they get LATE_OFFER_DAYS to answer.
    const deadline = new Date(Math.max(offerDeadline(catalogue.intake).getTime(), ctx.clock.now().getTime() + LATE_OFFER_DAYS * 86400 * 1000)).toISOString();
    await ctx.db.transaction(async (tx) => {
      // The run must still describe exactly the eligible applications of its grade.
      const eligibleNow = await tx
        .select()
        .from(applications)
        .where(and(eq(applications.intakeId, run.intakeId), eq(applications.grade, run.grade), eq(applications.round, run.round), eq(applications.state, "eligible")));
      const same = eligibleNow.length === ids.length && eligibleNow.every((a) => ids.includes(a.id));
      if (!same) throw new DomainError("conflict", "冻结名单之后符合条件的申请有变化（例如有家庭撤回），请写明理由重新抽签后再发布。");
      const rows = new Map(eligibleNow.map((a) => [a.id, a]));
      // 统筹安排: every child the matching left unplaced gets a place by the published rule, or a written reason.
      const { byApplicant: placements, record } = placementsFor(catalogue, run.grade, result, (id) => rows.get(byPublic[id]!)!);
      for (const applicant of result.applicants) {
        const row = rows.get(byPublic[applicant.id]!)!;
        const placement = placements.get(applicant.id);
        const offer = applicant.offer ?? placement?.program ?? null;
        const event = offer ? "offer" : "waitlist";
        const to = transition(row.state, event);
        await tx
          .update(applications)
          .set({ state: to, offerSection: offer, offerDeadline: offer ? deadline : null, updatedAt: now })
          .where(eq(applications.id, row.id));
        await tx.insert(applicationEvents).values({ applicationId: row.id, at: now, event, toState: to, message: placement ? `${applicant.explanation}${placement.reason}` : applicant.explanation });
        await smsGuardian(tx, ctx, row, "学位分配结果", `您的入学申请${row.reference}的学位分配结果已公布，请在“办理进度查询”查看${offer ? `，并在${chineseDate(shanghaiDate(deadline))}前接受或放弃` : ""}。`);
      }
      const published = await tx
        .update(allocationRuns)
        .set({ state: "published", publishedAt: now, placement: JSON.stringify(record) })
        .where(and(eq(allocationRuns.id, runId), eq(allocationRuns.state, "official")))
        .returning({ id: allocationRuns.id });
      if (published.length === 0) throw new DomainError("conflict", "这个分配批次已经发布。");
      await writeAudit(tx, ctx, { action: "allocation.publish", outcome: "success", actor: ctx.actor, objectType: "allocation_run", objectId: runId, detail: `grade:${run.grade}` });
    });
    return { runId, state: "published" as const, offered: result.applicants.filter((a) => a.offer).length };
  },
);
