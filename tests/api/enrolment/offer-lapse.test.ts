/**
 * Offers that lapse, on the real app and a libSQL file (issue 16 follow-up). An offer nobody
 * accepts by its deadline shows 已过期 with a plain sentence, cannot be accepted afterwards,
 * and is written as lapsed by the minute's scheduled job (the Worker's `runScheduled`, which
 * the Node timer shares) or at the second-round freeze; its seat goes to the next family on
 * the waitlist or, with nobody waiting, to the second round (补录), exactly once. The second
 * round is refused while a first-round offer is still inside its answer window, and after it
 * no school holds more offers and acceptances than it has seats.
 */
import { describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { applications, auditLog, outboxMessages } from "../../../db/schema";
import { useTempDb } from "../../fixtures/temp-db";
import { validApplication } from "../../fixtures/enrolment";
import { buildStaffApp, insertUser, post, signInFully, type TestUser } from "../../fixtures/staff";
import { catalogueSourceFrom } from "../../../functions/platform/catalogue-source";
import { fixedClock } from "../../fixtures/test-app";
import { commitWitnesses, D, officialDraw, oneSeatAtTwoSchools, revealWitnesses, W } from "../../fixtures/draw";
import { OUTBOX_CRON, runScheduled } from "../../../functions/worker-scheduled";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import type { Db } from "../../../db/client";
import { FORM_HEADERS, submit, trackJson } from "./enrolment-app";

const tempDb = useTempDb();

type Receipt = { reference: string; accessCode: string };
type View = { state: string; stateLabel: string; offer: { sectionName: string; deadline: string; canAnswer: boolean; lapsed: string | null } | null };

/** Two schools with one grade-1 seat each; families submit in the window and are all found eligible. */
async function market(preferences: string[][]) {
  const clock = fixedClock("2026-12-03T02:00:00.000Z");
  const catalogue = await oneSeatAtTwoSchools();
  const { app, deps } = buildStaffApp(tempDb(), { clock, catalogue: catalogueSourceFrom(async () => catalogue) });
  const db = tempDb().db;
  const receipts: Receipt[] = [];
  for (const [i, prefs] of preferences.entries()) {
    const a = validApplication(i + 1);
    a.preferences = prefs;
    const res = await submit(app, a, { key: `lapse-family-${i}` });
    expect(res.status, await res.clone().text()).toBe(201);
    receipts.push((await res.json()) as Receipt);
  }
  const officerUser = await insertUser(db, { role: "enrolment_officer" });
  const supUser = await insertUser(db, { role: "enrolment_supervisor" });
  const session = (u: TestUser) => signInFully(app, u, clock.now());
  const decideAll = async () => {
    const officer = await session(officerUser);
    for (const row of await db.select().from(applications).where(inArray(applications.state, ["submitted", "under_review"])))
      expect((await post(app, `/api/staff/applications/${row.id}/decision`, { decision: "eligible" }, officer)).status).toBe(200);
  };
  await decideAll();
  // The official first-round draw, published (offers sent; offer_deadline is 2027-05-31).
  clock.set("2027-05-15T01:00:00.000Z");
  const sup = await session(supUser);
  const run = await officialDraw(app, sup);
  expect((await post(app, `/api/staff/allocation/runs/${run.runId}/publish`, {}, sup)).status).toBe(200);
  const view = async (r: Receipt) => ((await (await trackJson(app, r.reference, r.accessCode)).json()) as { application: View }).application;
  const answer = (r: Receipt, what: "accept" | "decline") => trackJson(app, r.reference, r.accessCode, `/api/enrol/track/${what}`);
  return { app, deps, db, clock, catalogue, receipts, view, answer, decideAll, supervisor: () => session(supUser) };
}

/** Offers still inside their window plus acceptances, per section, over both rounds. */
async function heldSeats(db: Db, now: Date) {
  const rows = await db.select().from(applications).where(inArray(applications.state, ["offered", "accepted", "enrolled"]));
  const held = new Map<string, number>();
  for (const r of rows) if (r.offerSection && (r.state !== "offered" || r.offerDeadline! >= now.toISOString())) held.set(r.offerSection, (held.get(r.offerSection) ?? 0) + 1);
  return held;
}

function expectWithinCapacity(held: Map<string, number>, catalogue: Catalogue) {
  for (const s of catalogue.sections) expect(held.get(s.id) ?? 0, s.id).toBeLessThanOrEqual(s.seats);
}

/** After a successful second-round freeze: the seats it froze at 文昌小学 and 第二实验小学, then reveal, draw and publish. */
async function drawSecondRound(app: Parameters<typeof post>[0], sup: string): Promise<number[]> {
  const log = (await (await app.request("/api/enrol/draw-log")).json()) as { ceremonies: { round: number; frozenSet: { programs: { id: string; seats: number }[] } | null }[] };
  const seats2 = log.ceremonies.find((c) => c.round === 2)!.frozenSet!.programs;
  await revealWitnesses(app, sup, 2);
  const draw2 = (await (await post(app, "/api/staff/allocation/draws", { grade: "1" }, sup)).json()) as { runId: string };
  expect((await post(app, `/api/staff/allocation/runs/${draw2.runId}/publish`, {}, sup)).status).toBe(200);
  return [W, D].map((id) => seats2.find((p) => p.id === id)!.seats);
}

const message = async (res: Response) => ((await res.json()) as { message: string }).message;

describe("offers that lapse", () => {
  it("lapses a silent offer, refuses to accept it, and gives its seat to the next on the waitlist exactly once", async () => {
    // Two families want only 文昌小学 (one seat); a third only 第二实验小学 (one seat).
    const m = await market([[W], [W], [D]]);
    const views = await Promise.all(m.receipts.map(m.view));
    const x = m.receipts[views.findIndex((v) => v.offer?.sectionName === "文昌小学")]!;
    const z = m.receipts.find((r, i) => r !== x && i < 2)!;
    const y = m.receipts[2]!;
    // Z was left out by the matching, placed by 统筹安排 elsewhere, and waits for 文昌小学.
    const zView = await m.view(z);
    expect(zView.offer!.sectionName).not.toBe("文昌小学");
    expect((await m.answer(y, "accept")).status).toBe(200);
    expect((await m.answer(z, "accept")).status).toBe(200);

    // After the deadline (2027-05-31 23:59:59 Beijing time), before the job has run: already 已过期.
    m.clock.set("2027-06-18T02:00:00.000Z");
    const lapsedView = await m.view(x);
    expect(lapsedView.stateLabel).toBe("已过期");
    expect(lapsedView.offer).toMatchObject({ sectionName: "文昌小学", canAnswer: false });
    expect(lapsedView.offer!.lapsed).toBe("您没有在答复期限2027年5月31日23:59（北京时间）之前接受学位，这个学位已过期。学位会按规则递补给候补的家庭，没有候补时留给第二轮（补录）。如有疑问请致电招生咨询电话0570-8800 1235。");
    // The same without JavaScript: the page says 已过期 and offers no button to answer.
    const page = await (await m.app.request("/api/enrol/track", { method: "POST", headers: FORM_HEADERS, body: new URLSearchParams({ reference: x.reference, accessCode: x.accessCode }).toString() })).text();
    expect(page).toContain("当前状态：<strong>已过期</strong>");
    expect(page).toContain(lapsedView.offer!.lapsed!);
    expect(page).not.toContain("接受学位</button>");
    const late = await m.answer(x, "accept");
    expect(late.status).toBe(409);
    expect(await message(late)).toBe("这个学位的答复期限2027年5月31日23:59（北京时间）已过，学位已过期，不能再接受或放弃。学位会按规则递补给候补的家庭，没有候补时留给第二轮（补录）。如有疑问请致电招生咨询电话0570-8800 1235。");
    expect((await m.answer(x, "decline")).status).toBe(409);

    // A late application for the second round, wanting either school.
    const e = await submit(m.app, Object.assign(validApplication(9), { preferences: [W, D] }), { key: "lapse-second" });
    expect(e.status).toBe(201);
    const eReceipt = (await e.json()) as Receipt;

    // The minute's scheduled job writes the lapse and moves the waitlist: Z had accepted its 统筹
    // place, so it moves up to 文昌小学 with its place still accepted (nothing more to answer).
    expect(await runScheduled(OUTBOX_CRON, m.deps)).toMatchObject({ job: "outbox", lapsed: 1 });
    expect((await m.view(x)).state).toBe("lapsed");
    const moved = await m.view(z);
    expect(moved).toMatchObject({ state: "accepted", offer: { sectionName: "文昌小学" } });
    // Run again: nothing lapses twice, the seat is not given a second time.
    expect(await runScheduled(OUTBOX_CRON, m.deps)).toMatchObject({ lapsed: 0 });
    expect(await m.db.select().from(auditLog).where(eq(auditLog.action, "enrolment.lapse"))).toHaveLength(1);
    expect(await m.db.select().from(auditLog).where(eq(auditLog.action, "enrolment.waitlist_move_accepted"))).toHaveLength(1);
    expectWithinCapacity(await heldSeats(m.db, m.clock.now()), m.catalogue);

    // After the 补录 window, no first-round offer is left inside its answer window.
    m.clock.set("2027-06-22T02:00:00.000Z");
    await m.decideAll();
    const sup = await m.supervisor();
    await commitWitnesses(m.app, sup, 2);

    // Both seats are taken: the second round has none at either school.
    const frozen = await post(m.app, "/api/staff/allocation/freeze", { grade: "1" }, sup);
    expect(frozen.status).toBe(200);
    expect(await drawSecondRound(m.app, sup)).toEqual([0, 0]);
    const eView = await m.view(eReceipt);
    expect(["文昌小学", "清溪区第二实验小学"]).not.toContain(eView.offer?.sectionName);
    expectWithinCapacity(await heldSeats(m.db, m.clock.now()), m.catalogue);
    // Two draws through the real routes: about 13 s alone, more on a loaded machine.
  }, 60_000);

  it("with nobody waiting, gives a lapsed seat to the second round once, even if the job never ran", async () => {
    const m = await market([[W], [D]]);
    const [silent, accepting] = m.receipts as [Receipt, Receipt];
    expect((await m.answer(accepting, "accept")).status).toBe(200);

    m.clock.set("2027-06-05T02:00:00.000Z");
    const e = await submit(m.app, Object.assign(validApplication(9), { preferences: [W, D] }), { key: "lapse-second-b" });
    expect(e.status).toBe(201);
    const eReceipt = (await e.json()) as Receipt;

    // No scheduled run: the second-round freeze lapses the silent offer itself.
    m.clock.set("2027-06-22T02:00:00.000Z");
    await m.decideAll();
    const sup = await m.supervisor();
    await commitWitnesses(m.app, sup, 2);
    expect((await post(m.app, "/api/staff/allocation/freeze", { grade: "1" }, sup)).status).toBe(200);
    const silentRow = await m.db.select().from(applications).where(eq(applications.reference, silent.reference)).get();
    expect(silentRow!.state).toBe("lapsed");
    expect(await drawSecondRound(m.app, sup)).toEqual([1, 0]);
    expect((await m.view(eReceipt)).offer?.sectionName).toBe("文昌小学");

    // The silent family cannot take the seat back; 文昌小学 is held once.
    const late = await m.answer(silent, "accept");
    expect(late.status).toBe(409);
    expect(await message(late)).toContain("学位已过期");
    const atW = await m.db.select().from(applications).where(and(eq(applications.offerSection, W), inArray(applications.state, ["offered", "accepted"])));
    expect(atW).toHaveLength(1);
    expectWithinCapacity(await heldSeats(m.db, m.clock.now()), m.catalogue);
  });
  it("moves a family that accepted up to the school it ranked higher, still accepted, so staying silent never loses its place", async () => {
    // Both rank 文昌小学 first and 第二实验小学 second: one gets each, the other waits for 文昌小学.
    const m = await market([[W, D], [W, D]]);
    const views = await Promise.all(m.receipts.map(m.view));
    const atW = views.findIndex((v) => v.offer?.sectionName === "文昌小学");
    const leaver = m.receipts[atW]!;
    const mover = m.receipts[1 - atW]!;
    expect(views[1 - atW]!.offer?.sectionName).toBe("清溪区第二实验小学");
    expect((await m.answer(mover, "accept")).status).toBe(200);

    // Before the deadline the family at 文昌小学 declines: the accepted family moves up at once.
    m.clock.set("2027-05-25T02:00:00.000Z");
    expect((await m.answer(leaver, "decline")).status).toBe(200);
    const movedView = await m.view(mover);
    expect(movedView).toMatchObject({ state: "accepted", stateLabel: "已接受学位", offer: { sectionName: "文昌小学", canAnswer: false } });
    // It is told by SMS, with no answer asked of it.
    const moverRow = (await m.db.select().from(applications).where(eq(applications.reference, mover.reference)).get())!;
    const sms = await m.db.select().from(outboxMessages).where(and(eq(outboxMessages.aboutId, moverRow.id), eq(outboxMessages.subject, "候补递补：已接受的学位转到更靠前的志愿")));
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toBe(`您的入学申请${mover.reference}已接受的学位已转到您志愿中排得更靠前的「文昌小学」，仍为已接受，不需要再答复。详情请在“办理进度查询”查看。`);

    // It stays silent past every deadline; the scheduled job lapses nothing and it keeps its place.
    m.clock.set("2027-07-01T02:00:00.000Z");
    expect(await runScheduled(OUTBOX_CRON, m.deps)).toMatchObject({ lapsed: 0 });
    expect(await m.view(mover)).toMatchObject({ state: "accepted", offer: { sectionName: "文昌小学" } });
    // It can still not answer again (there is nothing to answer), and no seat is held twice:
    // 文昌小学 once (by it), 第二实验小学 by nobody (its seat went back with nobody waiting).
    expect((await m.answer(mover, "accept")).status).toBe(409);
    const holders = await m.db.select().from(applications).where(inArray(applications.state, ["offered", "accepted", "enrolled"]));
    expect(holders.map((r) => [r.reference, r.offerSection])).toEqual([[mover.reference, W]]);
    expectWithinCapacity(await heldSeats(m.db, m.clock.now()), m.catalogue);
  });
});
