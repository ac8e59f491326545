/**
 * Demo complaints for a new database (called once from functions/cli/seed/index.ts, inside its
 * transaction): anonymous, synthetic cases spread over the months before `now` across
 * categories, schools and every stage (waiting, accepted, assigned to the finance bureau
 * for the demo liaison, answered with a consented summary, rated, not accepted), so the
 * console and the public statistics have something to show. Deterministic; no personal
 * data at all. One receipt is printed so a reader can try the tracking page.
 */
import { complaintEvents, complaints } from "../../../db/schema";
import { CATEGORY_INFO, type ComplaintCategory } from "../../../src/domain/complaint/categories";
import { ANSWER_WITHIN_DAYS } from "../../../src/domain/complaint/deadlines";
import { SCHOOL_DIRECTORY } from "../../../src/domain/complaint/directory.generated";
import type { ComplaintStatus, Outcome } from "../../../src/domain/complaint/states";
import { addDays, shanghaiDate } from "../../../src/domain/complaint/time";
import { hashReceiptCode, newReceiptCode } from "../../platform/receipt-code";
import { nextReference } from "../../services/references/internal/next-reference";
import type { Tx } from "../../services/context";

const STORIES: Partial<Record<ComplaintCategory, string>> = {
  fees: "（演示）开学时班主任要求每位学生交资料费，没有收据，也没有说明收费依据。",
  tutoring: "（演示）数学老师在周末组织本班学生到校外补课，每次收费。",
  curriculum: "（演示）本学期体育课和音乐课经常被改成语文、数学课。",
  burden: "（演示）学校每周考试并在家长群公布全班排名。",
  "admission-exam": "（演示）学校招生时组织了笔试，按成绩决定是否录取。",
  funds: "（演示）学校的专项补助经费没有按规定公开使用情况。",
  "key-classes": "（演示）七年级按入学测试成绩分了实验班。",
  other: "（演示）学校要求学生统一购买指定品牌的文具。",
};

type Plan = { category: ComplaintCategory; daysAgo: number; stage: "submitted" | "accepted" | "assigned" | "answered" | "rated" | "not_accepted" };

/** 30 cases: enough that several categories and months pass the suppression threshold. */
function plans(): Plan[] {
  const cats: ComplaintCategory[] = ["fees", "fees", "tutoring", "curriculum", "fees", "burden", "funds", "tutoring", "curriculum", "fees", "admission-exam", "funds", "burden", "tutoring", "key-classes", "fees", "curriculum", "funds", "other", "tutoring", "fees", "curriculum", "funds", "burden", "tutoring", "fees", "curriculum", "funds", "burden", "tutoring"];
  const stages: Plan["stage"][] = ["rated", "answered", "rated", "answered", "rated", "answered", "assigned", "rated", "answered", "rated", "not_accepted", "assigned", "rated", "answered", "rated", "accepted", "rated", "answered", "not_accepted", "rated", "answered", "assigned", "rated", "accepted", "rated", "submitted", "assigned", "assigned", "submitted", "submitted"];
  return cats.map((category, i) => ({ category, daysAgo: 120 - i * 4, stage: stages[i]! }));
}

const OUTCOME_CYCLE: Outcome[] = ["substantiated", "partly_substantiated", "not_substantiated", "substantiated"];

export async function seedDemoComplaints(tx: Tx, now: Date): Promise<string[]> {
  const today = shanghaiDate(now);
  let demoReceipt: string | null = null;
  for (const [i, p] of plans().entries()) {
    const receivedOn = addDays(today, -p.daysAgo);
    const at = `${addDays(receivedOn, 0)}T02:00:00.000Z`;
    const reference = await nextReference(tx, "TS", Number(receivedOn.slice(0, 4)));
    const code = newReceiptCode(130);
    const decided = p.stage !== "submitted";
    const accepted = decided && p.stage !== "not_accepted";
    const acceptedOn = accepted ? addDays(receivedOn, 2 + (i % 9)) : null;
    const department = accepted && p.stage !== "accepted" ? CATEGORY_INFO[p.category].department : null;
    const answered = p.stage === "answered" || p.stage === "rated";
    const answeredOn = answered && acceptedOn ? addDays(acceptedOn, 20 + ((i * 7) % 45)) : null;
    const outcome = answered ? OUTCOME_CYCLE[i % OUTCOME_CYCLE.length]! : null;
    const status: ComplaintStatus = p.stage === "rated" ? "closed" : p.stage === "answered" ? "answered" : p.stage === "assigned" ? "assigned" : p.stage;
    const id = crypto.randomUUID();
    const consent = i % 3 === 0;
    await tx.insert(complaints).values({
      id,
      reference,
      receiptCodeHash: await hashReceiptCode(code),
      category: p.category,
      school: SCHOOL_DIRECTORY[(i * 5) % 8]!.id,
      whatHappened: STORIES[p.category] ?? "（演示）演示投诉内容。",
      happenedOn: addDays(receivedOn, -3),
      contactMode: "anonymous",
      contactSealed: null,
      departmentMayContact: false,
      publishConsent: consent,
      status,
      department,
      receivedAt: at,
      receivedOn,
      decidedOn: decided ? (acceptedOn ?? addDays(receivedOn, 5)) : null,
      acceptedOn,
      notAcceptedReason: p.stage === "not_accepted" ? "（演示）反映的事项不属于义务教育学校办学行为，已告知向市场监管部门反映。" : null,
      outcome,
      answer: answered ? "（演示）经核查，反映的情况部分属实，已责令学校整改并退还相关费用。" : null,
      answeredOn,
      answerDue: answered && acceptedOn ? addDays(acceptedOn, ANSWER_WITHIN_DAYS) : null,
      publicSummary: answered && consent ? `（演示）关于${CATEGORY_INFO[p.category].label}的投诉：经核查已责令学校整改。` : null,
      rating: p.stage === "rated" ? (["satisfied", "basically_satisfied", "dissatisfied"] as const)[i % 3] : null,
      updatedAt: at,
    });
    await tx.insert(complaintEvents).values({ complaintId: id, at, kind: "submit", visibility: "public", detail: p.category });
    if (decided) await tx.insert(complaintEvents).values({ complaintId: id, at: `${acceptedOn ?? addDays(receivedOn, 5)}T03:00:00.000Z`, kind: accepted ? "accept" : "not_accept", visibility: "public" });
    if (department) await tx.insert(complaintEvents).values({ complaintId: id, at: `${acceptedOn}T04:00:00.000Z`, kind: "assign", visibility: "public", detail: department });
    if (answeredOn) await tx.insert(complaintEvents).values({ complaintId: id, at: `${answeredOn}T05:00:00.000Z`, kind: "approve_answer", visibility: "public", detail: outcome });
    if (p.stage === "answered" && demoReceipt === null) demoReceipt = `演示投诉回执 | ${reference} | ${code}`;
  }
  return ["", `演示投诉 ${plans().length} 件（匿名、虚构）。可在 /complain/track/ 用下面的回执查询一件已答复的投诉：`, demoReceipt ?? ""];
}
