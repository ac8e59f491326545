/**
 * Demo complaints for a new database (called once from functions/cli/seed/index.ts, inside its
 * transaction): anonymous, synthetic cases spread over the months before `now` across
 * categories, schools and every stage (waiting, accepted, assigned to the finance bureau
 * for the demo liaison, answered with a consented summary, rated, not accepted), so the
 * console and the public statistics have something to show. Deterministic; no personal
 * data at all. One receipt is printed so a reader can try the tracking page. Consistent with
 * its date: no step falls after `now` (a stage that would is moved back to today, in order),
 * and each answer's text says what its outcome says.
 */
import { complaintEvents, complaints } from "../../../db/schema";
import { CATEGORY_INFO, type ComplaintCategory } from "../../../src/domain/complaint/categories";
import { ANSWER_WITHIN_DAYS } from "../../../src/domain/complaint/deadlines";
import { SCHOOL_DIRECTORY } from "../../../src/domain/complaint/directory.generated";
import { RATING_LABELS, RATINGS, type ComplaintStatus, type Outcome } from "../../../src/domain/complaint/states";
import { addDays, shanghaiDate } from "../../../src/domain/complaint/time";
import { hashReceiptCode, newReceiptCode } from "../../platform/receipt-code";
import { nextReference } from "../../services/references/internal/next-reference";
import type { Tx } from "../../services/context";
import { refreshQueueClock } from "../../services/complaint/internal/queue-clock";

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

/** The answer and its public summary for each outcome the demo uses. */
export const DEMO_ANSWERS: Partial<Record<Outcome, { answer: string; summary: string }>> = {
  substantiated: { answer: "（演示）经核查，反映的情况属实。已责令学校立即整改，退还相关费用，并对责任人作出处理。", summary: "经核查反映属实，已责令学校整改。" },
  partly_substantiated: { answer: "（演示）经核查，反映的情况部分属实。属实的部分已责令学校整改，其余情况未发现违规。", summary: "经核查反映部分属实，已责令学校整改属实部分。" },
  not_substantiated: { answer: "（演示）经核查，反映的情况不属实。学校的做法符合规定，已向投诉人说明核查经过。", summary: "经核查反映不属实，已说明核查经过。" },
};

const earlier = (a: string, b: string) => (a < b ? a : b);

export async function seedDemoComplaints(tx: Tx, now: Date): Promise<string[]> {
  const today = shanghaiDate(now);
  let demoReceipt: string | null = null;
  for (const [i, p] of plans().entries()) {
    const receivedOn = addDays(today, -p.daysAgo);
    // Each step at a set hour of its day, but never after now (instants stay in order).
    const when = (date: string, hour: number) => earlier(`${date}T0${hour}:00:00.000Z`, now.toISOString());
    const at = when(receivedOn, 2);
    const reference = await nextReference(tx, "TS", Number(receivedOn.slice(0, 4)));
    const code = newReceiptCode(130);
    const decided = p.stage !== "submitted";
    const accepted = decided && p.stage !== "not_accepted";
    const acceptedOn = accepted ? earlier(addDays(receivedOn, 2 + (i % 9)), today) : null;
    const department = accepted && p.stage !== "accepted" ? CATEGORY_INFO[p.category].department : null;
    const answered = p.stage === "answered" || p.stage === "rated";
    const outcome = answered ? OUTCOME_CYCLE[i % OUTCOME_CYCLE.length]! : null;
    const answeredOn = answered && acceptedOn ? earlier(addDays(acceptedOn, 20 + ((i * 7) % 45)), today) : null;
    const ratedOn = p.stage === "rated" && answeredOn ? earlier(addDays(answeredOn, 1 + (i % 3)), today) : null;
    const decidedOn = decided ? (acceptedOn ?? earlier(addDays(receivedOn, 5), today)) : null;
    const texts = outcome ? DEMO_ANSWERS[outcome]! : null;
    const lastAt = ratedOn ? when(ratedOn, 6) : answeredOn ? when(answeredOn, 5) : decidedOn ? when(decidedOn, department ? 4 : 3) : at;

    const status: ComplaintStatus = p.stage === "rated" ? "closed" : p.stage === "answered" ? "answered" : p.stage === "assigned" ? "assigned" : p.stage;
    const id = crypto.randomUUID();
    const rating = p.stage === "rated" ? RATINGS[i % RATINGS.length]! : null;
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
      decidedOn,
      acceptedOn,
      notAcceptedReason: p.stage === "not_accepted" ? "（演示）反映的事项不属于义务教育学校办学行为，已告知向市场监管部门反映。" : null,
      outcome,
      answer: texts?.answer ?? null,
      answeredOn,
      answerDue: answered && acceptedOn ? addDays(acceptedOn, ANSWER_WITHIN_DAYS) : null,
      publicSummary: texts && consent ? `（演示）关于${CATEGORY_INFO[p.category].label}的投诉：${texts.summary}` : null,
      rating,
      updatedAt: lastAt,
    });
    await tx.insert(complaintEvents).values({ complaintId: id, at, kind: "submit", visibility: "public", detail: p.category });
    if (decidedOn) await tx.insert(complaintEvents).values({ complaintId: id, at: when(decidedOn, 3), kind: accepted ? "accept" : "not_accept", visibility: "public" });
    if (department) await tx.insert(complaintEvents).values({ complaintId: id, at: when(acceptedOn!, 4), kind: "assign", visibility: "public", detail: department });
    if (answeredOn) await tx.insert(complaintEvents).values({ complaintId: id, at: when(answeredOn, 5), kind: "approve_answer", visibility: "public", detail: outcome, text: texts!.answer });
    if (ratedOn) await tx.insert(complaintEvents).values({ complaintId: id, at: when(ratedOn, 6), kind: "rate", visibility: "public", detail: rating, text: RATING_LABELS[rating!] });
    await refreshQueueClock(tx, id, now.toISOString());
    if (p.stage === "answered" && demoReceipt === null) demoReceipt = `演示投诉回执 | ${reference} | ${code}`;
  }
  return ["", `演示投诉${plans().length}件（匿名、虚构）。可在 /complain/track/ 用下面的回执查询一件已答复的投诉：`, demoReceipt ?? ""];
}
