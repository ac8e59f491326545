import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, outboxMessages } from "../../../db/schema";
import { useTempDb } from "../../fixtures/temp-db";
import { validApplication } from "../../fixtures/enrolment";
import { get, insertUser, post, signInFully } from "../../fixtures/staff";
import { catalogueSourceFrom } from "../../../functions/platform/catalogue-source";
import { submit, trackJson } from "./enrolment-app";
import { buildStaffApp } from "../../fixtures/staff";
import { fixedClock } from "../../fixtures/test-app";
import { officialDraw, oneSeatAtTwoSchools } from "../../fixtures/draw";

const tempDb = useTempDb();

const smallMarket = oneSeatAtTwoSchools;

function family(serial: number, insuranceMonths: string, preferences: string[]) {
  const a = validApplication(serial);
  a.work.socialInsuranceMonths = insuranceMonths;
  a.preferences = preferences;
  return a;
}

describe("staff review, allocation and the waitlist", () => {
  it("reviews three families, allocates with a seed, publishes, and moves the waitlist when a family declines", async () => {
    const clock = fixedClock("2026-12-01T02:00:00.000Z");
    const catalogue = await smallMarket();
    const { app } = buildStaffApp(tempDb(), { clock, catalogue: catalogueSourceFrom(async () => catalogue) });
    const W = "wenchang-xiaoxue-primary";
    const D = "dier-shiyan-xiaoxue-primary";
    const receipts: Record<string, { reference: string; accessCode: string }> = {};
    for (const [name, app_] of [
      ["A", family(1, "36", [W, D])],
      ["B", family(2, "0", [W, D])],
      ["C", family(3, "20", [W])],
    ] as const) {
      const res = await submit(app, app_, { key: `family-${name}-key` });
      expect(res.status).toBe(201);
      receipts[name] = (await res.json()) as { reference: string; accessCode: string };
    }

    const officer = await insertUser(tempDb().db, { role: "enrolment_officer" });
    const cookie = await signInFully(app, officer, clock.now());

    // The queue, filtered by preference, pages and shows names but no ID numbers.
    const list = await get(app, `/api/staff/applications?school=${D}&state=submitted`, cookie);
    expect(list.status).toBe(200);
    const queue = (await list.json()) as { items: { id: string; reference: string; childName: string }[]; total: number };
    expect(queue.total).toBe(2);
    expect(JSON.stringify(queue)).not.toContain(validApplication(1).child.idNumber);
    const all = (await (await get(app, "/api/staff/applications", cookie)).json()) as { items: { id: string; reference: string }[] };
    const idOf = (name: string) => all.items.find((i) => i.reference === receipts[name]!.reference)!.id;

    // Detail masks the ID; a reveal needs a reason and is audited.
    const detail = (await (await get(app, `/api/staff/applications/${idOf("A")}`, cookie)).json()) as {
      application: { sections: { rows: { path: string; value: string }[] }[]; documents: { id: string }[] };
    };
    const idRow = detail.application.sections.flatMap((s) => s.rows).find((r) => r.path === "child.idNumber")!;
    expect(idRow.value).toMatch(/^\d{6}\*+\d{3}[\dX]$/);
    expect((await post(app, `/api/staff/applications/${idOf("A")}/reveal`, { field: "child.idNumber" }, cookie)).status).toBe(422);
    const reveal = await post(app, `/api/staff/applications/${idOf("A")}/reveal`, { field: "child.idNumber", reason: "verify_documents" }, cookie);
    expect(((await reveal.json()) as { value: string }).value).toBe(validApplication(1).child.idNumber);
    const reveals = await tempDb().db.select().from(auditLog).where(eq(auditLog.action, "applications.reveal"));
    expect(reveals.map((r) => r.detail)).toEqual(["child.idNumber:verify_documents"]);

    // A document is downloaded as an attachment in a sandbox, and judged with a reason.
    const docId = detail.application.documents[0]!.id;
    const download = await get(app, `/api/staff/applications/${idOf("A")}/documents/${docId}`, cookie);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment/);
    expect(download.headers.get("Content-Security-Policy")).toContain("sandbox");
    expect((await post(app, `/api/staff/applications/${idOf("A")}/documents/${docId}/review`, { review: "rejected" }, cookie)).status).toBe(422);
    expect((await post(app, `/api/staff/applications/${idOf("A")}/documents/${docId}/review`, { review: "accepted" }, cookie)).status).toBe(200);

    // More information for B: the family is told and uploads on /track/.
    expect((await post(app, `/api/staff/applications/${idOf("B")}/request-information`, { message: "请补充社保缴纳证明" }, cookie)).status).toBe(200);
    const upload = new FormData();
    upload.set("reference", receipts.B!.reference);
    upload.set("accessCode", receipts.B!.accessCode);
    upload.append("documents.other", new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], "shebao.pdf"));
    const uploaded = await app.request("/api/enrol/track/documents", { method: "POST", body: upload, headers: { Accept: "application/json" } });
    expect(uploaded.status).toBe(200);
    expect(((await uploaded.json()) as { application: { state: string } }).application.state).toBe("under_review");

    // Decisions; an illegal one (offering before eligibility is decided) is refused.
    for (const name of ["A", "B", "C"]) expect((await post(app, `/api/staff/applications/${idOf(name)}/decision`, { decision: "eligible" }, cookie)).status).toBe(200);
    expect((await post(app, `/api/staff/applications/${idOf("A")}/decision`, { decision: "ineligible", reasonCode: "age", text: "年龄不符" }, cookie)).status).toBe(409);

    // The officer may not allocate; after the window the supervisor runs the draw (commit, freeze, reveal, draw) and publishes.
    expect((await post(app, "/api/staff/allocation/runs", { grade: "1" }, cookie)).status).toBe(403);
    expect((await post(app, "/api/staff/allocation/commitments", { grade: "1", role: "notary", name: "王公证", commitment: "0".repeat(64) }, cookie)).status).toBe(403);
    clock.set("2027-05-15T01:00:00.000Z");
    const supervisor = await insertUser(tempDb().db, { role: "enrolment_supervisor" });
    const sup = await signInFully(app, supervisor, clock.now());
    const dry = await officialDraw(app, sup);
    expect(dry.offered).toBe(2);
    expect(dry.unplaced).toBe(1);
    expect(dry.programs.find((p) => p.id === W)).toMatchObject({ applicants: 3, offers: 1 });
    // Nothing visible to families before publication.
    expect(((await (await fetchTrack(app, receipts.A!)).json()) as { application: { state: string } }).application.state).toBe("eligible");
    expect(((await (await app.request("/api/enrol/results")).json()) as { grades: unknown[] }).grades).toEqual([]);
    expect((await post(app, `/api/staff/allocation/runs/${dry.runId}/publish`, {}, sup)).status).toBe(200);

    const view = async (name: string) => ((await (await fetchTrack(app, receipts[name]!)).json()) as { application: { state: string; offer: { sectionName: string } | null; waitlist: { sectionName: string; position: number }[] } }).application;
    expect(await view("A")).toMatchObject({ state: "offered", offer: { sectionName: "文昌小学" }, waitlist: [] });
    expect(await view("B")).toMatchObject({ state: "offered", offer: { sectionName: "清溪区第二实验小学" }, waitlist: [{ sectionName: "文昌小学", position: 2, note: null }] });
    // C ranked only the full 文昌小学: placed by 统筹安排 at the township's school with a seat, told why, and still first on the waitlist.
    expect(await view("C")).toMatchObject({ state: "offered", offer: { sectionName: "望江小学" }, waitlist: [{ sectionName: "文昌小学", position: 1 }] });
    const told = (await (await fetchTrack(app, receipts.C!)).json()) as { application: { timeline: { message: string | null }[] } };
    expect(told.application.timeline.at(-1)!.message).toContain("您被安排到本乡镇（街道）内仍有空余学位的「望江小学」");

    // A declines: C (higher priority on the waitlist) is offered 文昌小学 and told by SMS.
    const declined = await fetchTrack(app, receipts.A!, "/api/enrol/track/decline");
    expect(declined.status).toBe(200);
    expect(await view("C")).toMatchObject({ state: "offered", offer: { sectionName: "文昌小学" } });
    // B's live position moved from the published 2 to 1: the tracking page says why.
    expect(await view("B")).toMatchObject({
      state: "offered",
      waitlist: [{ sectionName: "文昌小学", position: 1, note: "公布结果时您在第2位（见上方的分配说明）。此后排在您前面的1个家庭已放弃学位或已通过候补获得更靠前志愿的学位，所以您现在是第1位。" }],
    });
    const explained = (await (await fetchTrack(app, receipts.B!)).json()) as { application: { timeline: { message: string | null }[] } };
    expect(explained.application.timeline.some((t) => /候补名单第\s?2\s?位/.test(t.message ?? ""))).toBe(true);
    const sms = await tempDb().db.select().from(outboxMessages).where(eq(outboxMessages.subject, "候补递补：获得新的学位"));
    expect(sms).toHaveLength(1);

    // C accepts before the deadline.
    const accepted = await fetchTrack(app, receipts.C!, "/api/enrol/track/accept");
    expect(((await accepted.json()) as { application: { state: string } }).application.state).toBe("accepted");

    // The public results: cacheable, with the seed, and no names or references.
    const results = await app.request("/api/enrol/results");
    expect(results.headers.get("Cache-Control")).toContain("public");
    const text = await results.text();
    expect(text).toContain(dry.seed);
    for (const r of Object.values(receipts)) expect(text).not.toContain(r.reference);
    expect(text).not.toContain("测试孩子");
  });
});

function fetchTrack(app: Parameters<typeof trackJson>[0], r: { reference: string; accessCode: string }, path = "/api/enrol/track") {
  return trackJson(app, r.reference, r.accessCode, path);
}

