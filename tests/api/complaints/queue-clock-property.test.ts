/**
 * The queue's stored clock (migration 0014) against the clock function: fast-check drives
 * random sequences of real verbs on real libSQL (accept or refuse, information asked and
 * added, extension asked and approved, assignment, draft and answer, rating, review, merge)
 * with days passing between them, and after every step asserts that the row's `due_on`,
 * `clock_state`, `urgency` and `pending_extension_days` equal `queueClock(caseClocks(history, today), status)`. Between
 * events, days pass without a write: the SQL "overdue" test on the stored `urgency` must then
 * agree with `caseClocks` for today. Runs: QUEUE_PROPERTY_RUNS (default 20).
 */
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { complaints } from "../../../db/schema";
import { addInformation } from "../../../functions/services/complaint/add-information";
import { approveAnswer } from "../../../functions/services/complaint/approve-answer";
import { approveExtension } from "../../../functions/services/complaint/approve-extension";
import { assignComplaint } from "../../../functions/services/complaint/assign-complaint";
import { decideComplaint } from "../../../functions/services/complaint/decide-complaint";
import { draftAnswer } from "../../../functions/services/complaint/draft-answer";
import { extendDeadline } from "../../../functions/services/complaint/extend-deadline";
import { historyOf } from "../../../functions/services/complaint/internal/case-facts";
import { mergeComplaint } from "../../../functions/services/complaint/merge-complaint";
import { rateAnswer } from "../../../functions/services/complaint/rate-answer";
import { requestInformation } from "../../../functions/services/complaint/request-information";
import { requestReview } from "../../../functions/services/complaint/request-review";
import { caseClocks } from "../../../src/domain/complaint/deadlines";
import { FIXED_DUE, queueClock } from "../../../src/domain/complaint/queue-clock";
import { addDays, shanghaiDate } from "../../../src/domain/complaint/time";
import { DomainError } from "../../../src/domain/errors";
import type { StaffRole } from "../../../src/domain/staff/roles";
import { createTempDb } from "../../fixtures/temp-db";
import { buildStaffApp, insertUser, staffCtxOf } from "../../fixtures/staff";
import { fileComplaint, type Receipt } from "../../fixtures/complaints";
import { fixedClock } from "../../fixtures/test-app";

const RUNS = Number(process.env.QUEUE_PROPERTY_RUNS ?? 20);

const STEPS = [
  "accept",
  "not_accept",
  "request_information",
  "add_information",
  "extend",
  "approve_extension",
  "assign",
  "draft",
  "approve_answer",
  "rate",
  "request_review",
  "merge",
] as const;
type Step = { kind: (typeof STEPS)[number]; days: number };
/** Steps that end a case (refusal, merge) are rarer, so most sequences reach extensions, answers and reviews. */
const WEIGHTS: Record<Step["kind"], number> = {
  accept: 6,
  not_accept: 1,
  request_information: 4,
  add_information: 4,
  extend: 5,
  approve_extension: 5,
  assign: 3,
  draft: 4,
  approve_answer: 3,
  rate: 1,
  request_review: 3,
  merge: 1,
};
const step = fc.record({
  kind: fc.oneof(...STEPS.map((kind) => ({ arbitrary: fc.constant(kind), weight: WEIGHTS[kind] }))),
  days: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
});

describe("the stored queue clock", () => {
  it("equals caseClocks after every verb, and its SQL overdue test agrees with caseClocks as days pass", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 24 }), async (steps: Step[]) => {
        const temp = await createTempDb();
        try {
          await runSequence(temp, steps);
        } finally {
          temp.cleanup();
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});

async function runSequence(temp: Awaited<ReturnType<typeof createTempDb>>, steps: Step[]) {
  const clock = fixedClock("2026-09-01T02:00:00.000Z");
  const { app, deps } = buildStaffApp(temp, { clock });
  const users: Record<string, Awaited<ReturnType<typeof insertUser>>> = {
    complaint_intake: await insertUser(temp.db, { role: "complaint_intake" }),
    complaint_supervisor: await insertUser(temp.db, { role: "complaint_supervisor" }),
    department_liaison: await insertUser(temp.db, { role: "department_liaison", department: "caizheng-ju" }),
  };
  const ctxAs = (role: StaffRole) => staffCtxOf(deps, users[role]!, "property");
  const receipt: Receipt = await fileComplaint(app, { category: "fees" });
  const other: Receipt = await fileComplaint(app, { category: "fees" });
  const idOf = async (r: Receipt) => (await temp.db.select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, r.reference)).get())!.id;
  const id = await idOf(receipt);
  await decideComplaint({ ctx: ctxAs("complaint_intake"), input: { id: await idOf(other), decision: "accept" } });

  const check = async (label: string) => {
    const row = (await temp.db.select().from(complaints).where(eq(complaints.id, id)).get())!;
    const today = shanghaiDate(clock.now());
    const clocks = caseClocks(await historyOf(temp.db, id), today);
    const stored = { dueOn: row.dueOn, clockState: row.clockState, urgency: row.urgency, pendingExtensionDays: row.pendingExtensionDays };
    if (row.clockOn === today) {
      expect(stored, label).toEqual(queueClock(clocks, row.status));
    } else {
      // Days passed since the last write: a fixed due date still matches, and the SQL overdue
      // test (`urgency` between the fixed prefix and today) is caseClocks' overdue.
      const live = [clocks.acceptance, clocks.answer].find((c) => c && ["running", "paused", "overdue"].includes(c.state));
      const sqlOverdue = row.urgency >= FIXED_DUE && row.urgency < `${FIXED_DUE}${today}`;
      const overdueNow = !["answered", "closed", "not_accepted"].includes(row.status) && live?.state === "overdue";
      expect(sqlOverdue, `${label}: overdue in SQL`).toBe(overdueNow);
      if (row.clockState === "running") expect(row.dueOn, label).toBe(queueClock(clocks, row.status).dueOn);
    }
  };

  await check("after submit");
  for (const [n, s] of steps.entries()) {
    if (s.days > 0) {
      clock.set(`${addDays(shanghaiDate(clock.now()), s.days)}T02:00:00.000Z`);
      await check(`step ${n}: ${s.days} days later`);
    }
    try {
      await apply(s);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error; // a step the state machine refuses is fine
    }
    await check(`step ${n}: ${s.kind}`);
  }

  async function apply(s: Step) {
    const intake = ctxAs("complaint_intake");
    switch (s.kind) {
      case "accept":
      case "not_accept":
        return decideComplaint({ ctx: intake, input: { id, decision: s.kind, reason: "（测试）理由说明。" } });
      case "request_information":
        return requestInformation({ ctx: intake, input: { id, message: "请补充收费凭据。" } });
      case "add_information":
        return addInformation({ ctx: intake, input: { ...receipt, text: "补充：收据照片。" } });
      case "extend":
        return extendDeadline({ ctx: intake, input: { id, days: 1 + (s.days % 30), notice: "案情复杂，需要延期。" } });
      case "approve_extension":
        return approveExtension({ ctx: ctxAs("complaint_supervisor"), input: { id } });
      case "assign":
        return assignComplaint({ ctx: intake, input: { id, department: "caizheng-ju" } });
      case "draft":
        return draftAnswer({ ctx: ctxAs("department_liaison"), input: { id, outcome: "substantiated", answer: "经核查，反映属实，已责令退费。" } });
      case "approve_answer":
        return approveAnswer({ ctx: intake, input: { id } });
      case "rate":
        return rateAnswer({ ctx: intake, input: { ...receipt, rating: "satisfied" } });
      case "request_review":
        return requestReview({ ctx: intake, input: { ...receipt, reason: "答复没有回应我的问题。" } });
      case "merge":
        return mergeComplaint({ ctx: intake, input: { id, into: other.reference } });
    }
  }
}
