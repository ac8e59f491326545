/**
 * `countComplaintQueues`: the console home's counts for the signed-in role (issue 19): for
 * each queue the role works from, how many cases it holds and the queue filter that lists
 * them, so each count links to exactly those cases. Which queues: new cases (intake: just
 * received; a liaison: newly assigned to its department), due today, due within 3 days,
 * overdue, and what waits for this role's approval or action (intake: draft answers and
 * information the filer added; the supervisor: extensions). One indexed count each, bounded
 * like the queue's total (to COUNT_CAP, then "at least"), under the same WHERE as the queue
 * (internal/complaint-queue), held to a liaison's department.
 */
import type { ComplaintListQuery } from "../../../src/domain/complaint/schemas";
import { scopeOf } from "../../../src/domain/staff/permissions";
import { countedTotal } from "../staff/internal/bounded-count";
import { writeAudit } from "../audit/internal/write-audit";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { queueCondition, queueCount, queueViewer, type QueueFilter } from "./internal/complaint-queue";

export const QUEUE_COUNT_KEYS = ["new", "today", "soon", "overdue", "draft", "extension", "information"] as const;
export type QueueCountKey = (typeof QUEUE_COUNT_KEYS)[number];
export type QueueCount = { key: QueueCountKey; filter: Partial<Record<keyof ComplaintListQuery, string>>; count: number; atLeast: boolean };

export const countComplaintQueues = staffVerb("complaints.read", async ({ ctx }: { ctx: StaffCtx; input: Record<string, never> }, { scope }): Promise<QueueCount[]> => {
  if (scope === "department" && !ctx.actor.department) return [];
  const role = ctx.actor.role;
  const triage = scopeOf(role, "complaints.triage") !== null;
  const answers = scopeOf(role, "complaints.answer") !== null;
  const queues: { key: QueueCountKey; filter: QueueFilter }[] = [];
  if (triage) queues.push({ key: "new", filter: { status: "submitted" } });
  else if (answers) queues.push({ key: "new", filter: { status: "assigned" } });
  queues.push({ key: "today", filter: { due: "today" } }, { key: "soon", filter: { due: "soon" } }, { key: "overdue", filter: { due: "overdue" } });
  if (triage) queues.push({ key: "draft", filter: { waiting: "draft" } }, { key: "information", filter: { waiting: "information" } });
  if (scopeOf(role, "complaints.approve_extension") !== null) queues.push({ key: "extension", filter: { waiting: "extension" } });
  const viewer = queueViewer(ctx, scope);
  const counts: QueueCount[] = [];
  for (const { key, filter } of queues) {
    const { total, atLeast } = await countedTotal(queueCount(ctx.db, queueCondition(filter, viewer)));
    counts.push({ key, filter: filter as QueueCount["filter"], count: total, atLeast });
  }
  await writeAudit(ctx.db, ctx, { action: "complaints.counts", outcome: "success", actor: ctx.actor, objectType: "complaint", detail: counts.map((c) => c.key).join(",") });
  return counts;
});
