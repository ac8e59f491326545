/** `getRun({ ctx, input: { runId } })`: one allocation run as the supervisor inspects it; the read is audited. */
import { eq } from "drizzle-orm";
import { allocationRuns } from "../../../db/schema";
import type { AllocationResult } from "../../../src/domain/enrolment/allocation";
import { writeAudit } from "../audit/internal/write-audit";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { noSuchRun, runSummary } from "./internal/allocation-run";

export const getRun = staffVerb("allocation.run", async ({ ctx, input: { runId } }: { ctx: StaffCtx; input: { runId: string } }) => {
  const run = await ctx.db.select().from(allocationRuns).where(eq(allocationRuns.id, runId)).get();
  if (!run) throw noSuchRun();
  await ctx.db.transaction(async (tx) => writeAudit(tx, ctx, { action: "allocation.read", outcome: "success", actor: ctx.actor, objectType: "allocation_run", objectId: runId }));
  return { runId, grade: run.grade, state: run.state, createdAt: run.createdAt, publishedAt: run.publishedAt, ...runSummary(JSON.parse(run.result) as AllocationResult) };
});
