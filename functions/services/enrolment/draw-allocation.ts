/**
 * `drawAllocation({ ctx, input: { catalogue, grade } })`: the official draw of the grade's
 * current round. Only on a frozen applicant set, only once every witness has revealed a
 * contribution matching its commitment, and only while the calendar allows (the domain's
 * `intakePhase`). The seed is the hash of the revealed contributions; the run, its seed and
 * its outcome digest go to the audit and to the public draw log. One official draw per
 * round: a re-draw (a new ceremony opened with a recorded reason) marks the earlier one
 * superseded, and both stay on the log. Offers are sent by `publishAllocation`.
 */
import { and, eq, inArray } from "drizzle-orm";
import { allocationRuns, drawCeremonies } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import { allocate, toPublished, type AllocationApplicant, type AllocationProgram } from "../../../src/domain/enrolment/allocation";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import { MIN_WITNESSES, outcomeDigest, seedFromReveals } from "../../../src/domain/enrolment/draw/commit-reveal";
import type { Grade } from "../../../src/domain/enrolment/vocabulary";
import { writeAudit } from "../audit/internal/write-audit";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { runSummary } from "./internal/allocation-run";
import { gradePhase, latestCeremony, witnessesOf } from "./internal/draw-state";

export const drawAllocation = staffVerb("allocation.publish", async ({ ctx, input: { catalogue, grade } }: { ctx: StaffCtx; input: { catalogue: Catalogue; grade: Grade } }) => {
  const phase = await gradePhase(ctx, catalogue, grade);
  if (phase.drawRefusal) throw new DomainError("conflict", phase.drawRefusal);
  const ceremony = await latestCeremony(ctx.db, catalogue.intake.id, grade, phase.round);
  if (!ceremony || ceremony.state !== "frozen") throw new DomainError("conflict", "请先冻结申请名单并公布名单摘要，再正式抽签。");
  const witnesses = await witnessesOf(ctx.db, ceremony.id);
  const missing = witnesses.filter((w) => w.contribution === null).map((w) => w.position);
  if (missing.length > 0) throw new DomainError("conflict", `第${missing.join("、")}位见证人尚未揭示随机串，全部揭示后才能抽签。`);
  if (witnesses.length < MIN_WITNESSES) throw new DomainError("conflict", `正式抽签至少需要${MIN_WITNESSES}位见证人。`);
  const seed = seedFromReveals(witnesses.map((w) => ({ position: w.position, contribution: w.contribution! })));
  const frozen = JSON.parse(ceremony.frozenSet!) as { programs: AllocationProgram[]; applicants: AllocationApplicant[] };
  const result = allocate({ seed, programs: frozen.programs, applicants: frozen.applicants });
  const digest = outcomeDigest(result.applicants);
  const runId = crypto.randomUUID();
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(allocationRuns)
      .set({ state: "superseded" })
      .where(and(eq(allocationRuns.intakeId, catalogue.intake.id), eq(allocationRuns.grade, grade), eq(allocationRuns.round, phase.round), inArray(allocationRuns.state, ["official"])));
    await tx.insert(allocationRuns).values({
      id: runId,
      intakeId: catalogue.intake.id,
      grade,
      round: phase.round,
      seed,
      state: "official",
      result: JSON.stringify(result),
      published: JSON.stringify(toPublished(result)),
      applicantIds: ceremony.applicantIds!,
      createdBy: ctx.actor.userId,
      createdAt: at,
      ceremonyId: ceremony.id,
      outcomeDigest: digest,
    });
    await tx.update(drawCeremonies).set({ state: "drawn", seed, drawnAt: at }).where(eq(drawCeremonies.id, ceremony.id));
    await writeAudit(tx, ctx, { action: "allocation.draw", outcome: "success", actor: ctx.actor, objectType: "allocation_run", objectId: runId, detail: `grade:${grade};round:${phase.round};seed:${seed};outcome:${digest}` });
  });
  return { runId, round: phase.round, outcomeDigest: digest, ...runSummary(result) };
});
