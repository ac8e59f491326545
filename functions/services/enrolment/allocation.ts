/**
 * The allocation for the supervisor (招生主管): a dry run over the eligible applications of a
 * grade (student-proposing deferred acceptance from src/domain/enrolment/allocation, with
 * priorities catchment → documented points → one lottery number from the seed entered), to
 * inspect per-school counts and every family's result, then publication: every family is
 * offered a place or waitlisted with its explanation, in one transaction with the outbox
 * messages, and the anonymised file becomes public. Applicants appear under pseudonymous ids
 * (keyed HMAC of the application id), never references or names.
 */
import { and, eq, inArray } from "drizzle-orm";
import { allocationRuns, applicationEvents, applications } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import { allocate, toPublished, type AllocationResult } from "../../../src/domain/enrolment/allocation";
import { communityOf, sectionsForGrade, type Catalogue } from "../../../src/domain/enrolment/catalogue";
import { offerDeadline } from "../../../src/domain/enrolment/intake";
import { inCatchment } from "../../../src/domain/enrolment/points";
import { transition } from "../../../src/domain/enrolment/states";
import type { Grade } from "../../../src/domain/enrolment/vocabulary";
import { blindIndex } from "../../platform/field-crypto";
import { writeAudit } from "../audit/write-audit";
import type { SecureCtx, StaffCtx } from "../context";
import { enqueueMessage } from "../outbox/enqueue-message";
import { authorize } from "../staff/authorize";
import { openPersonal } from "./internal/application-record";

type Ctx = StaffCtx & SecureCtx;

async function publicIdOf(ctx: SecureCtx, applicationId: string): Promise<string> {
  return `A${(await blindIndex(ctx.keys, "allocation-id", applicationId)).slice(0, 12)}`;
}

export async function runAllocation({ ctx, catalogue, input }: { ctx: Ctx; catalogue: Catalogue; input: { grade: Grade; seed: string } }) {
  authorize(ctx, "allocation.run");
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
  return { runId, ...summary(result) };
}

function summary(result: AllocationResult) {
  return {
    seed: result.seed,
    inputDigest: result.inputDigest,
    programs: result.programs.map((p) => ({ id: p.id, label: p.label, seats: p.seats, applicants: p.applicants, catchmentApplicants: p.catchmentApplicants, offers: p.offers, waitlist: p.waitlist.length })),
    applicants: result.applicants.map((a) => ({ id: a.id, offer: a.offer, reason: a.reason, explanation: a.explanation })),
    offered: result.applicants.filter((a) => a.offer !== null).length,
    unplaced: result.applicants.filter((a) => a.offer === null).length,
  };
}

export async function getRun({ ctx, runId }: { ctx: Ctx; runId: string }) {
  authorize(ctx, "allocation.run");
  const run = await ctx.db.select().from(allocationRuns).where(eq(allocationRuns.id, runId)).get();
  if (!run) throw new DomainError("not_found", "没有这个分配批次。");
  await ctx.db.transaction(async (tx) => writeAudit(tx, ctx, { action: "allocation.read", outcome: "success", actor: ctx.actor, objectType: "allocation_run", objectId: runId }));
  return { runId, grade: run.grade, state: run.state, createdAt: run.createdAt, publishedAt: run.publishedAt, ...summary(JSON.parse(run.result) as AllocationResult) };
}

export async function publishAllocation({ ctx, catalogue, runId }: { ctx: Ctx; catalogue: Catalogue; runId: string }) {
  authorize(ctx, "allocation.publish");
  const run = await ctx.db.select().from(allocationRuns).where(eq(allocationRuns.id, runId)).get();
  if (!run) throw new DomainError("not_found", "没有这个分配批次。");
  if (run.state !== "dry_run") throw new DomainError("conflict", "这个分配批次已经发布。");
  const result = JSON.parse(run.result) as AllocationResult;
  const byPublic = JSON.parse(run.applicantIds) as Record<string, string>;
  const ids = Object.values(byPublic);
  const now = ctx.clock.now().toISOString();
  const deadline = offerDeadline(catalogue.intake).toISOString();
  await ctx.db.transaction(async (tx) => {
    // The run must still describe exactly the eligible applications of its grade.
    const eligibleNow = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.intakeId, run.intakeId), eq(applications.grade, run.grade), eq(applications.state, "eligible")));
    const same = eligibleNow.length === ids.length && eligibleNow.every((a) => ids.includes(a.id));
    if (!same) throw new DomainError("conflict", "试运行之后符合条件的申请有变化，请重新试运行后再发布。");
    const rows = new Map(eligibleNow.map((a) => [a.id, a]));
    for (const applicant of result.applicants) {
      const row = rows.get(byPublic[applicant.id]!)!;
      const event = applicant.offer ? "offer" : "waitlist";
      const to = transition(row.state, event);
      await tx
        .update(applications)
        .set({ state: to, offerSection: applicant.offer, offerDeadline: applicant.offer ? deadline : null, updatedAt: now })
        .where(eq(applications.id, row.id));
      await tx.insert(applicationEvents).values({ applicationId: row.id, at: now, event, toState: to, message: applicant.explanation });
      const phone = (await openPersonal(ctx.keys, row)).guardians[0]?.phone;
      if (phone)
        await enqueueMessage(tx, ctx, {
          channel: "sms",
          to: phone,
          subject: "学位分配结果",
          body: `您的入学申请 ${row.reference} 的学位分配结果已公布，请在“办理进度查询”查看${applicant.offer ? `，并在 ${catalogue.intake.dates.offer_deadline} 前接受或放弃` : ""}。`,
          about: { kind: "application", id: row.id },
        });
    }
    const published = await tx
      .update(allocationRuns)
      .set({ state: "published", publishedAt: now })
      .where(and(eq(allocationRuns.id, runId), eq(allocationRuns.state, "dry_run")))
      .returning({ id: allocationRuns.id });
    if (published.length === 0) throw new DomainError("conflict", "这个分配批次已经发布。");
    await writeAudit(tx, ctx, { action: "allocation.publish", outcome: "success", actor: ctx.actor, objectType: "allocation_run", objectId: runId, detail: `grade:${run.grade}` });
  });
  return { runId, state: "published" as const, offered: result.applicants.filter((a) => a.offer).length };
}

/** The public results: for each grade's published run, the anonymised re-runnable file. */
export async function publicResults(ctx: Pick<SecureCtx, "db">, catalogue: Catalogue) {
  const runs = await ctx.db
    .select()
    .from(allocationRuns)
    .where(and(eq(allocationRuns.intakeId, catalogue.intake.id), eq(allocationRuns.state, "published"), inArray(allocationRuns.grade, catalogue.intake.grades.map((g) => g.grade))));
  return {
    intake: { id: catalogue.intake.id, title: catalogue.intake.title },
    grades: runs.map((r) => ({ grade: r.grade, publishedAt: r.publishedAt, allocation: JSON.parse(r.published) as unknown })),
  };
}
