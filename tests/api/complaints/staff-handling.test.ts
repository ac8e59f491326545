/**
 * A complaint through the console's API: triage accepts and assigns it, the finance
 * bureau's liaison investigates and drafts, triage approves and sends, the filer reads and
 * rates it, asks for a review within 30 days, and the case reopens with its history. Along
 * the way: another department's liaison gets 404, identity stays hidden, every read and
 * change is audited, and XSS payloads in every text field come back verbatim in JSON and
 * escaped in HTML.
 */
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, complaints, outboxMessages } from "../../../db/schema";
import { CATEGORY_INFO } from "../../../src/domain/complaint/categories";
import { DEPARTMENT_LABELS } from "../../../src/domain/staff/departments";
import { useTempDb } from "../../fixtures/temp-db";
import { fixedClock } from "../../fixtures/test-app";
import { buildStaffApp, get, insertUser, post, signInFully, type TestUser } from "../../fixtures/staff";
import { fileComplaint, postForm, postJson, type Receipt } from "../../fixtures/complaints";

const XSS = `<img src=x onerror=alert(1)>"'&`;

describe("handling a complaint in the console", () => {
  const tempDb = useTempDb();
  let env: ReturnType<typeof buildStaffApp>;
  let clock: ReturnType<typeof fixedClock>;
  let triage: string;
  let finance: string;
  let building: string;
  let receipt: Receipt;
  let id: string;
  let users: { triage: TestUser; finance: TestUser };

  /** Moves the clock; staff sessions idle out after 30 minutes, so they sign in again. */
  async function later(iso: string) {
    clock.set(iso);
    triage = await signInFully(env.app, users.triage, clock.now());
    finance = await signInFully(env.app, users.finance, clock.now());
  }

  beforeEach(async () => {
    clock = fixedClock("2026-09-01T08:00:00.000Z");
    env = buildStaffApp(tempDb(), { clock });
    const db = tempDb().db;
    users = { triage: await insertUser(db, { role: "complaint_intake" }), finance: await insertUser(db, { role: "department_liaison", department: "caizheng-ju" }) };
    triage = await signInFully(env.app, users.triage, clock.now());
    finance = await signInFully(env.app, users.finance, clock.now());
    building = await signInFully(env.app, await insertUser(db, { role: "department_liaison", department: "jianshe-ju" }), clock.now());
    receipt = await fileComplaint(env.app, { category: "funds", whatHappened: `经费没有公开。${XSS}`, contactMode: "named", name: `李${XSS}`, email: "li@example.com" });
    id = (await db.select().from(complaints).get())!.id;
  }, 60_000);

  const act = (cookie: string, path: string, body: unknown = {}) => post(env.app, `/api/staff/complaints/${id}${path}`, body, cookie);

  it("runs triage → assignment → liaison draft → approval → the filer reads and rates, with clocks and audit", async () => {
    const queue = await (await get(env.app, "/api/staff/complaints?status=submitted", triage)).json();
    expect(queue.complaints.map((c: { reference: string }) => c.reference)).toEqual([receipt.reference]);
    expect(queue.complaints[0].clock.words).toBe("还剩15天，2026年9月16日（含）前完成。");
    // A liaison sees nothing before the case is assigned to its department.
    expect((await (await get(env.app, "/api/staff/complaints", finance)).json()).complaints).toEqual([]);

    await later("2026-09-03T02:00:00.000Z");
    expect((await act(triage, "/decide", { decision: "accept" })).status).toBe(200);
    const assigned = await (await act(triage, "/assign", { department: "caizheng-ju" })).json();
    expect(assigned.complaint).toMatchObject({ status: "assigned", department: "caizheng-ju" });
    expect(assigned.complaint.clocks.answer.due).toBe("2026-11-02");

    expect((await act(finance, "/notes", { text: `内部记录${XSS}` })).status).toBe(200);
    const drafted = await act(finance, "/draft", { outcome: "partly_substantiated", answer: `经核查部分属实。${XSS}`, publicSummary: "经核查，学校已公开经费使用情况。" });
    expect(drafted.status).toBe(200);
    expect((await drafted.json()).complaint.status).toBe("investigating");
    // The liaison may not approve its own draft.
    expect((await act(finance, "/approve")).status).toBe(403);

    await later("2026-09-20T02:00:00.000Z");
    const approved = await (await act(triage, "/approve")).json();
    expect(approved.complaint.status).toBe("answered");
    expect(approved.complaint.clocks.answer.state).toBe("met");

    const tracked = await (await postJson(env.app, "/api/complaints/track", receipt)).json();
    expect(tracked.complaint.answer).toMatchObject({ outcomeLabel: "反映部分属实", text: `经核查部分属实。${XSS}` });
    // Internal notes and drafts are not on the filer's timeline.
    expect(JSON.stringify(tracked.complaint.timeline)).not.toContain("内部记录");
    expect(tracked.complaint.canRate).toBe(true);

    const rated = await (await postJson(env.app, "/api/complaints/track/rate", { ...receipt, rating: "basically_satisfied" })).json();
    expect(rated.complaint).toMatchObject({ status: "closed", rating: { label: "基本满意" } });

    const messages = await tempDb().db.select().from(outboxMessages).all();
    expect(messages.map((m) => m.body).join("\n")).toContain("已答复，办理结果：反映部分属实");
    const actions = (await tempDb().db.select().from(auditLog).all()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["complaints.list", "complaints.accept", "complaints.assign", "complaints.note", "complaints.draft_answer", "complaints.approve_answer", "complaints.rate"]));
  });

  it("answers another department's liaison with 404 and no data, for reads and writes alike", async () => {
    await act(triage, "/decide", { decision: "accept" });
    await act(triage, "/assign", { department: "caizheng-ju" });
    for (const res of [await get(env.app, `/api/staff/complaints/${id}`, building), await act(building, "/notes", { text: "不该能写" }), await act(building, "/draft", { outcome: "substantiated", answer: "这是另一个部门不该能写的答复内容" })]) {
      expect(res.status).toBe(404);
      expect(Object.keys(await res.json()).sort()).toEqual(["code", "message", "requestId"]);
    }
    expect((await (await get(env.app, "/api/staff/complaints", building)).json()).complaints).toEqual([]);
    expect((await get(env.app, `/api/staff/complaints/${id}`, finance)).status).toBe(200);
    const denied = await tempDb().db.select().from(auditLog).where(and(eq(auditLog.outcome, "denied"), eq(auditLog.objectId, receipt.reference))).all();
    expect(denied.length).toBe(3);
  });

  it("keeps the filer's identity out of case views; triage reveals it with a reason, a liaison only with consent", async () => {
    const view = await (await get(env.app, `/api/staff/complaints/${id}`, triage)).json();
    expect(JSON.stringify(view)).not.toContain("li@example.com");
    expect(view.complaint.contactMode).toBe("named");
    const revealed = await (await act(triage, "/reveal-contact", { reason: "核实投诉细节需要电话联系" })).json();
    expect(revealed.contact).toEqual({ name: `李${XSS}`, phone: null, email: "li@example.com" });
    await act(triage, "/decide", { decision: "accept" });
    await act(triage, "/assign", { department: "caizheng-ju" });
    const refused = await act(finance, "/reveal-contact", { reason: "想直接联系投诉人" });
    expect(refused.status).toBe(403);
    const audit = await tempDb().db.select().from(auditLog).where(eq(auditLog.action, "complaints.reveal_contact")).all();
    expect(audit.map((a) => a.outcome)).toEqual(["success", "denied"]);
    expect(JSON.stringify(audit)).not.toContain("li@example.com");
  });

  it("extends once by at most 30 days only when a supervisor approves intake's request, pauses while waiting for the filer, and refuses a second extension", async () => {
    const supervisor = await signInFully(env.app, await insertUser(tempDb().db, { role: "complaint_supervisor" }), clock.now());
    await act(triage, "/decide", { decision: "accept" });
    const messages = async () => (await tempDb().db.select().from(outboxMessages).all()).length;
    const before = await messages();
    expect((await act(triage, "/extend", { days: 31, notice: "需要调取财务凭证" })).status).toBe(422);
    const requested = await (await act(triage, "/extend", { days: 30, notice: "需要调取财务凭证" })).json();
    // Asked for, not yet approved: the due date has not moved and the filer has not been told.
    expect(requested.complaint.clocks.answer.due).toBe("2026-10-31");
    expect(requested.complaint.pendingExtensionDays).toBe(30);
    expect((await act(triage, "/extend", { days: 5, notice: "还需要时间" })).status).toBe(409);
    expect(await messages()).toBe(before);
    // Intake cannot approve its own request; the supervisor can, once.
    expect((await act(triage, "/extension/approve")).status).toBe(403);
    const approved = await (await act(supervisor, "/extension/approve")).json();
    expect(approved.complaint.clocks.answer.due).toBe("2026-11-30");
    expect(approved.complaint).toMatchObject({ extensionDays: 30, pendingExtensionDays: 0 });
    expect(await messages()).toBe(before + 1);
    expect((await act(supervisor, "/extension/approve")).status).toBe(409);
    expect((await act(triage, "/extend", { days: 5, notice: "还需要时间" })).status).toBe(409);
    await later("2026-09-10T02:00:00.000Z");
    expect((await act(triage, "/request-information", { message: "请提供收费通知的截图" })).status).toBe(200);
    await later("2026-09-14T02:00:00.000Z");
    const paused = await (await get(env.app, `/api/staff/complaints/${id}`, triage)).json();
    expect(paused.complaint.clocks.answer).toMatchObject({ state: "paused", due: "2026-12-04" });
    await postJson(env.app, "/api/complaints/track/information", { ...receipt, text: "截图已发到邮箱。" });
    const resumed = await (await get(env.app, `/api/staff/complaints/${id}`, triage)).json();
    expect(resumed.complaint.clocks.answer).toMatchObject({ state: "running", due: "2026-12-04" });
    const tracked = await (await postJson(env.app, "/api/complaints/track", receipt)).json();
    const labels = tracked.complaint.timeline.map((e: { label: string }) => e.label);
    expect(labels).toContain("批准延长办理期限");
    expect(labels).not.toContain("申请延长办理期限");
    const audit = await tempDb().db.select().from(auditLog).where(eq(auditLog.action, "complaints.approve_extension")).all();
    expect(audit.map((a) => [a.outcome, a.objectId, a.detail])).toEqual([["success", receipt.reference, "days:30"]]);
  });

  it("lets the filer rate each answer once, the original and the review's, and names the real reason for each refusal", async () => {
    const rate = (rating: string) => postJson(env.app, "/api/complaints/track/rate", { ...receipt, rating });
    const message = async (res: Response) => ((await res.json()) as { message: string }).message;
    expect(await message(await rate("satisfied"))).toBe("这件投诉还没有答复，答复后才能评价。");
    await act(triage, "/decide", { decision: "accept" });
    await act(triage, "/assign", { department: "caizheng-ju" });
    await act(finance, "/draft", { outcome: "not_substantiated", answer: "经核查反映不属实，经费已公开。" });
    await later("2026-09-10T02:00:00.000Z");
    await act(triage, "/approve");
    expect((await rate("dissatisfied")).status).toBe(200);
    const again = await rate("satisfied");
    expect(again.status).toBe(409);
    expect(await message(again)).toBe("您已经评价过这次答复。");
    // A review on the same day as the answer: its own round, rated on its own.
    expect((await postJson(env.app, "/api/complaints/track/review", { ...receipt, reason: "学校公开的只是部分经费。" })).status).toBe(200);
    expect(await message(await rate("satisfied"))).toBe("复查正在进行，复查答复发出后可以评价复查答复。");
    await act(triage, "/assign", { department: "caizheng-ju" });
    await act(finance, "/draft", { outcome: "partly_substantiated", answer: "经复查，部分经费没有公开，已责令公开。" });
    await later("2026-09-20T02:00:00.000Z");
    await act(triage, "/approve");
    const tracked = (await (await postJson(env.app, "/api/complaints/track", receipt)).json()).complaint;
    expect(tracked).toMatchObject({ canRate: true, canRequestReview: false });
    expect((await rate("basically_satisfied")).status).toBe(200);
    expect(await message(await rate("satisfied"))).toBe("您已经评价过复查答复。");
    const review = await postJson(env.app, "/api/complaints/track/review", { ...receipt, reason: "还是不满意。" });
    expect(await message(review)).toContain("已经申请过复查");
  });

  it("refuses a review of a case that was never accepted with that reason, not the 30-day window", async () => {
    await act(triage, "/decide", { decision: "not_accept", reason: "不属于教育部门职责范围，已告知向市场监管部门反映。" });
    const res = await postJson(env.app, "/api/complaints/track/review", { ...receipt, reason: "我认为应该受理。" });
    expect(res.status).toBe(409);
    const { message } = (await res.json()) as { message: string };
    expect(message).toContain("没有受理");
    expect(message).not.toContain("30日");
  });

  it("shows staff labels and Beijing time in the history, and audits refusals under the case's reference", async () => {
    await act(triage, "/decide", { decision: "accept" });
    await act(triage, "/recategorise", { category: "fees" });
    await act(triage, "/assign", { department: "caizheng-ju" });
    await act(finance, "/draft", { outcome: "partly_substantiated", answer: "经核查，部分收费没有依据，已责令退还。" });
    const view = (await (await get(env.app, `/api/staff/complaints/${id}`, triage)).json()).complaint;
    const byKind = Object.fromEntries(view.history.map((h: { kind: string }) => [h.kind, h]));
    expect(byKind.recategorise.detailLabel).toBe(CATEGORY_INFO.fees.label);
    expect(byKind.assign.detailLabel).toBe(DEPARTMENT_LABELS["caizheng-ju"]);
    expect(byKind.draft_answer.detailLabel).toBe("反映部分属实");
    expect(byKind.submit.when).toBe("2026年9月1日16:00");
    expect(JSON.stringify(view.history.map((h: { detailLabel: string | null }) => h.detailLabel))).not.toMatch(/fees|caizheng-ju|partly_substantiated/);
    // Another department's liaison: 404, audited under the reference, not the internal id.
    expect((await get(env.app, `/api/staff/complaints/${id}`, building)).status).toBe(404);
    const refused = await tempDb().db.select().from(auditLog).where(and(eq(auditLog.action, "complaints.read"), eq(auditLog.outcome, "denied"))).all();
    expect(refused.map((a) => a.objectId)).toEqual([receipt.reference]);
    // A role the matrix refuses: access.denied names the case, not the route pattern.
    const auditor = await signInFully(env.app, await insertUser(tempDb().db, { role: "auditor" }), clock.now());
    expect((await act(auditor, "/approve")).status).toBe(403);
    const denied = await tempDb().db.select().from(auditLog).where(eq(auditLog.action, "access.denied")).all();
    expect(denied.map((a) => [a.objectType, a.objectId, a.detail])).toEqual([["complaint", receipt.reference, "complaints.triage"]]);
  });

  it("reopens the case on a review request within 30 days, keeping its history, and refuses one after", async () => {
    await act(triage, "/decide", { decision: "accept" });
    await act(triage, "/assign", { department: "caizheng-ju" });
    await act(finance, "/draft", { outcome: "not_substantiated", answer: "经核查反映不属实，经费已公开。" });
    await later("2026-09-10T02:00:00.000Z");
    await act(triage, "/approve");
    await later("2026-10-10T02:00:00.000Z");
    const review = await postJson(env.app, "/api/complaints/track/review", { ...receipt, reason: "学校公开的只是部分经费。" });
    expect(review.status).toBe(200);
    expect((await review.json()).complaint.status).toBe("under_review");
    const staff = await (await get(env.app, `/api/staff/complaints/${id}`, triage)).json();
    expect(staff.complaint.clocks.answer.due).toBe("2026-11-09");
    expect(staff.complaint.history.map((h: { kind: string }) => h.kind)).toEqual(["submit", "accept", "assign", "draft_answer", "approve_answer", "request_review"]);
    expect((await act(triage, "/assign", { department: "caizheng-ju" })).status).toBe(200);
  });

  it("refuses a review request made more than 30 days after the answer", async () => {
    await act(triage, "/decide", { decision: "accept" });
    await act(triage, "/assign", { department: "caizheng-ju" });
    await act(finance, "/draft", { outcome: "substantiated", answer: "经核查反映属实，已责令整改。" });
    await act(triage, "/approve");
    await later("2026-10-02T02:00:00.000Z");
    const late = await postJson(env.app, "/api/complaints/track/review", { ...receipt, reason: "我对答复不满意。" });
    expect(late.status).toBe(409);
  });

  it("stores XSS payloads verbatim and escapes them in the filer's HTML page", async () => {
    await postJson(env.app, "/api/complaints/track/information", { ...receipt, text: `补充${XSS}` });
    await act(triage, "/decide", { decision: "not_accept", reason: `不属于受理范围${XSS}` });
    const json = await (await get(env.app, `/api/staff/complaints/${id}`, triage)).json();
    expect(json.complaint.whatHappened).toBe(`经费没有公开。${XSS}`);
    expect(json.complaint.notAcceptedReason).toBe(`不属于受理范围${XSS}`);
    expect(json.complaint.history.find((h: { kind: string }) => h.kind === "add_information").text).toBe(`补充${XSS}`);
    const html = await (await postForm(env.app, "/api/complaints/track", receipt)).text();
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
