/**
 * The draw end to end on the real app and a libSQL file: the calendar governs it (no freeze or
 * official draw while the window is open or an application is undecided), commit–reveal (a
 * reveal not matching its commitment refused, the seed the hash of the reveals, a test seed
 * never publishable, every run in the audit and the public draw log), "already published" in
 * plain Chinese, the results file the page links to accepted by `allocation:verify`, the
 * results page without JavaScript, and a second round (补录) over the seats left after
 * first-round acceptances with its own draw.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { applications, auditLog } from "../../../db/schema";
import { useTempDb } from "../../fixtures/temp-db";
import { validApplication } from "../../fixtures/enrolment";
import { buildStaffApp, get, insertUser, post, signInFully, type TestUser } from "../../fixtures/staff";
import { catalogueSourceFrom } from "../../../functions/platform/catalogue-source";
import { fixedClock } from "../../fixtures/test-app";
import { submit, trackJson } from "./enrolment-app";
import { commitmentOf, seedFromReveals } from "../../../src/domain/enrolment/draw/commit-reveal";
import { commitWitnesses, D, DRAW_WITNESSES, officialDraw, oneSeatAtTwoSchools, revealWitnesses, W, witnessSecret } from "../../fixtures/draw";
import { runVerifyAllocation } from "../../../functions/cli/verify-allocation-command";
import { copyFindings } from "../../fixtures/copy-rules";

const tempDb = useTempDb();
const dir = mkdtempSync(path.join(tmpdir(), "draw-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WITNESSES = DRAW_WITNESSES;
const secret = witnessSecret;
const smallMarket = oneSeatAtTwoSchools;

function family(serial: number, preferences: string[]) {
  const a = validApplication(serial);
  a.preferences = preferences;
  return a;
}

describe("the draw: calendar, commit–reveal, publication, verification and the second round", () => {
  it("follows the protocol and refuses every step out of turn", async () => {
    const clock = fixedClock("2026-12-03T02:00:00.000Z");
    const catalogue = await smallMarket();
    const { app } = buildStaffApp(tempDb(), { clock, catalogue: catalogueSourceFrom(async () => catalogue) });
    const db = tempDb().db;
    const receipts: Record<string, { reference: string; accessCode: string }> = {};
    for (const [name, a] of [["A", family(1, [W, D])], ["B", family(2, [W, D])], ["C", family(3, [W])]] as const) {
      const res = await submit(app, a, { key: `draw-family-${name}` });
      expect(res.status).toBe(201);
      receipts[name] = (await res.json()) as { reference: string; accessCode: string };
    }
    const officerUser = await insertUser(db, { role: "enrolment_officer" });
    const supUser = await insertUser(db, { role: "enrolment_supervisor" });
    const session = (u: TestUser) => signInFully(app, u, clock.now());
    let officer = await session(officerUser);
    let sup = await session(supUser);
    const idOf = async (name: string) => (await db.select().from(applications).where(eq(applications.reference, receipts[name]!.reference)).get())!.id;
    const decide = async (name: string) => expect((await post(app, `/api/staff/applications/${await idOf(name)}/decision`, { decision: "eligible" }, officer)).status).toBe(200);
    const phase = async () => ((await (await app.request("/api/enrol/phase")).json()) as { grades: { grade: string; phase: string; drawRefusal: string | null }[] }).grades.find((g) => g.grade === "1")!;
    const message = async (res: Response) => ((await res.json()) as { message: string }).message;
    const commitAll = (round: number) => commitWitnesses(app, sup, round);
    const revealAll = (round: number) => revealWitnesses(app, sup, round);

    // Window open (today, 2026-12-03): the demo's phase; commitments may already be made.
    expect(await phase()).toMatchObject({ phase: "open" });
    await decide("A");
    await decide("B");
    await commitAll(1);
    const early = await post(app, "/api/staff/allocation/freeze", { grade: "1" }, sup);
    expect(early.status).toBe(409);
    expect(await message(early)).toBe("申请期尚未结束（截止到2027年3月31日），申请期内不能正式抽签。");
    expect((await post(app, "/api/staff/allocation/draws", { grade: "1" }, sup)).status).toBe(409);

    // A dry run gets a TEST- seed, is audited with its seed and outcome digest, and can never be published.
    const dryRes = await post(app, "/api/staff/allocation/runs", { grade: "1" }, sup);
    expect(dryRes.status).toBe(201);
    const dry = (await dryRes.json()) as { runId: string; seed: string; outcomeDigest: string };
    expect(dry.seed).toMatch(/^TEST-/);
    expect((await post(app, "/api/staff/allocation/runs", { grade: "1", seed: "我选的种子" }, sup)).status).toBe(422);
    const dryPublish = await post(app, `/api/staff/allocation/runs/${dry.runId}/publish`, {}, sup);
    expect(dryPublish.status).toBe(409);
    expect(await message(dryPublish)).toContain("测试种子，不能发布");
    const dryAudit = await db.select().from(auditLog).where(eq(auditLog.action, "allocation.dry_run")).get();
    expect(dryAudit!.detail).toContain(`seed:${dry.seed}`);
    expect(dryAudit!.detail).toContain(`outcome:${dry.outcomeDigest}`);

    // Window closed, C undecided: still no freeze.
    clock.set("2027-04-02T02:00:00.000Z");
    officer = await session(officerUser);
    sup = await session(supUser);
    expect(await phase()).toMatchObject({ phase: "closed" });
    const undecided = await post(app, "/api/staff/allocation/freeze", { grade: "1" }, sup);
    expect(undecided.status).toBe(409);
    expect(await message(undecided)).toBe("还有1份第一轮申请未审核完毕，全部审核完成后才能冻结名单、正式抽签。");
    expect((await submit(app, family(4, [W]), { key: "draw-family-late" })).status).toBe(409);

    await decide("C");
    expect(await phase()).toMatchObject({ phase: "review_complete", drawRefusal: null });
    const frozen = await post(app, "/api/staff/allocation/freeze", { grade: "1" }, sup);
    expect(frozen.status).toBe(200);
    const frozenBody = (await frozen.json()) as { inputDigest: string; applicants: number };
    expect(frozenBody.applicants).toBe(3);
    expect(await phase()).toMatchObject({ phase: "draw" });
    expect((await post(app, "/api/staff/allocation/commitments", { grade: "1", role: "other", name: "迟到者", commitment: commitmentOf("late-witness-secret-0000") }, sup)).status).toBe(409);

    // The frozen set's digest, seats and rules are public before any reveal.
    const logBefore = (await (await app.request("/api/enrol/draw-log")).json()) as { ceremonies: { frozenSet: { inputDigest: string; programs: unknown[]; rules: Record<string, string> }; witnesses: { contribution: string | null }[] }[] };
    expect(logBefore.ceremonies[0]!.frozenSet.inputDigest).toBe(frozenBody.inputDigest);
    expect(Object.keys(logBefore.ceremonies[0]!.frozenSet.rules)).toEqual(["priorities", "lottery", "seed", "placement"]);
    expect(logBefore.ceremonies[0]!.witnesses.every((w) => w.contribution === null)).toBe(true);

    // A wrong reveal is refused and audited; the draw waits for every reveal.
    const wrong = await post(app, "/api/staff/allocation/reveals", { grade: "1", position: 1, contribution: "not-the-committed-secret" }, sup);
    expect(wrong.status).toBe(409);
    expect(await message(wrong)).toBe("第1位见证人揭示的随机串与其登记的承诺值不符，不予接受。");
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "draw.reveal"), eq(auditLog.outcome, "failure")))).toHaveLength(1);
    expect((await post(app, "/api/staff/allocation/draws", { grade: "1" }, sup)).status).toBe(409);
    await revealAll(1);
    const drawRes = await post(app, "/api/staff/allocation/draws", { grade: "1" }, sup);
    expect(drawRes.status).toBe(201);
    const official = (await drawRes.json()) as { runId: string; seed: string; outcomeDigest: string };
    expect(official.seed).toBe(seedFromReveals(WITNESSES.map((_, i) => ({ position: i + 1, contribution: secret(1, i) }))));
    expect(await phase()).toMatchObject({ phase: "published" });
    expect((await db.select().from(auditLog).where(like(auditLog.detail, `%seed:${official.seed}%`))).map((r) => r.action)).toEqual(["allocation.draw"]);

    // Every run, dry and official, is on the public log with its seed and outcome digest.
    const log = (await (await app.request("/api/enrol/draw-log")).json()) as { runs: { kind: string; seed: string; outcomeDigest: string }[]; ceremonies: { witnesses: { contribution: string | null }[] }[] };
    expect(log.runs.map((r) => [r.kind, r.seed, r.outcomeDigest])).toEqual([
      ["dry_run", dry.seed, dry.outcomeDigest],
      ["official", official.seed, official.outcomeDigest],
    ]);
    expect(log.ceremonies[0]!.witnesses.map((w) => w.contribution)).toEqual(WITNESSES.map((_, i) => secret(1, i)));

    // Publish once; a second publication says "already published" in plain Chinese.
    expect((await post(app, `/api/staff/allocation/runs/${official.runId}/publish`, {}, sup)).status).toBe(200);
    const again = await post(app, `/api/staff/allocation/runs/${official.runId}/publish`, {}, sup);
    expect(await message(again)).toBe("这个分配批次已经发布，不能再次发布。");
    const other = await post(app, `/api/staff/allocation/runs/${dry.runId}/publish`, {}, sup);
    expect(await message(other)).toContain("本轮的分配结果已经发布");
    expect(await phase()).toMatchObject({ phase: "offers" });

    // The file /enrol/results/ links to is what allocation:verify accepts, as served.
    const served = await (await app.request("/api/enrol/results")).text();
    const file = path.join(dir, "results.json");
    writeFileSync(file, served);
    expect(await runVerifyAllocation(["--", file])).toEqual({ code: 0, lines: ["match: 1年级第一轮：重新计算的结果与公布结果一致（3名申请人、15个学位项目、1名统筹安排的孩子）。"] });
    const tampered = JSON.parse(served) as { grades: { allocation: { applicants: { offer: string | null }[] } }[] };
    tampered.grades[0]!.allocation.applicants[0]!.offer = tampered.grades[0]!.allocation.applicants[0]!.offer === null ? W : null;
    writeFileSync(file, JSON.stringify(tampered));
    expect((await runVerifyAllocation([file])).code).toBe(1);

    // The results page is server-rendered: no script needed, no "loading" placeholder.
    const page = await app.request("/api/enrol/results/page");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(official.seed);
    expect(html).toContain("/enrol/results/verify/");
    expect(html).not.toContain("正在载入");
    const drawLog = await (await app.request("/api/enrol/draw-log/page")).text();
    expect(drawLog).toContain(commitmentOf(secret(1, 0)));
    // The pages the app renders follow docs/style.md like the built ones (tests/e2e/copy-style.test.ts).
    expect(copyFindings("/enrol/results/", html)).toEqual([]);
    expect(copyFindings("/enrol/draw-log/", drawLog)).toEqual([]);

    // The family offered 文昌小学 accepts before the deadline: that seat is gone for round two.
    const views = await Promise.all(["A", "B", "C"].map(async (n) => [n, ((await (await trackJson(app, receipts[n]!.reference, receipts[n]!.accessCode)).json()) as { application: { state: string; offer: { sectionName: string } | null } }).application] as const));
    const atW = views.find(([, v]) => v.offer?.sectionName === "文昌小学")![0];
    expect((await trackJson(app, receipts[atW]!.reference, receipts[atW]!.accessCode, "/api/enrol/track/accept")).status).toBe(200);

    // Second round (补录): late applications are accepted in its window, as round 2.
    clock.set("2027-06-05T02:00:00.000Z");
    officer = await session(officerUser);
    sup = await session(supUser);
    expect(await phase()).toMatchObject({ phase: "second_round" });
    const late = await submit(app, family(5, [W, D]), { key: "draw-family-second" });
    expect(late.status).toBe(201);
    receipts.E = (await late.json()) as { reference: string; accessCode: string };
    expect((await db.select().from(applications).where(eq(applications.id, await idOf("E"))).get())!.round).toBe(2);
    await commitAll(2);
    const open2 = await post(app, "/api/staff/allocation/freeze", { grade: "1" }, sup);
    expect(await message(open2)).toBe("补录申请期尚未结束（截止到2027年6月20日），申请期内不能正式抽签。");

    clock.set("2027-06-22T02:00:00.000Z");
    officer = await session(officerUser);
    sup = await session(supUser);
    expect((await post(app, "/api/staff/allocation/freeze", { grade: "1" }, sup)).status).toBe(409);
    await decide("E");
    const frozen2 = await post(app, "/api/staff/allocation/freeze", { grade: "1" }, sup);
    expect(frozen2.status).toBe(200);
    expect(((await frozen2.json()) as { applicants: number }).applicants).toBe(1);
    const log2 = (await (await app.request("/api/enrol/draw-log")).json()) as { ceremonies: { round: number; frozenSet: { programs: { id: string; seats: number }[] } | null }[] };
    const seats2 = log2.ceremonies.find((c) => c.round === 2)!.frozenSet!.programs;
    expect(seats2.find((p) => p.id === W)!.seats).toBe(0);
    await revealAll(2);
    const draw2 = (await (await post(app, "/api/staff/allocation/draws", { grade: "1" }, sup)).json()) as { runId: string; offered: number };
    expect(draw2.offered).toBe(1);
    expect((await post(app, `/api/staff/allocation/runs/${draw2.runId}/publish`, {}, sup)).status).toBe(200);
    const e = (await (await trackJson(app, receipts.E.reference, receipts.E.accessCode)).json()) as { application: { state: string; offer: { sectionName: string } | null } };
    expect(e.application).toMatchObject({ state: "offered", offer: { sectionName: "清溪区第二实验小学" } });
    const both = JSON.parse(await (await app.request("/api/enrol/results")).text()) as { grades: { round: number }[] };
    expect(both.grades.map((g) => g.round)).toEqual([1, 2]);
  });

  it("allows a re-draw only with a recorded reason, before offers are sent, and logs it beside the first", async () => {
    const clock = fixedClock("2026-12-03T02:00:00.000Z");
    const catalogue = await smallMarket();
    const { app } = buildStaffApp(tempDb(), { clock, catalogue: catalogueSourceFrom(async () => catalogue) });
    const db = tempDb().db;
    for (const serial of [1, 2]) expect((await submit(app, family(serial, [W, D]), { key: `redraw-${serial}` })).status).toBe(201);
    const officer = await signInFully(app, await insertUser(db, { role: "enrolment_officer" }), clock.now());
    for (const row of await db.select().from(applications)) expect((await post(app, `/api/staff/applications/${row.id}/decision`, { decision: "eligible" }, officer)).status).toBe(200);
    clock.set("2027-05-15T01:00:00.000Z");
    const sup = await signInFully(app, await insertUser(db, { role: "enrolment_supervisor" }), clock.now());
    const first = await officialDraw(app, sup);

    const commitment = { grade: "1", role: "notary", name: "王公证", commitment: commitmentOf(witnessSecret(3, 0)) };
    const noReason = await post(app, "/api/staff/allocation/commitments", commitment, sup);
    expect(noReason.status).toBe(422);
    expect(((await noReason.json()) as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual(["redrawReason"]);
    expect((await post(app, "/api/staff/allocation/commitments", { ...commitment, redrawReason: "冻结名单中一名申请人的施教区认定有误，已更正" }, sup)).status).toBe(201);
    for (const i of [1, 2]) expect((await post(app, "/api/staff/allocation/commitments", { ...commitment, role: "other", name: ["", "孙见证", "周见证"][i]!, commitment: commitmentOf(witnessSecret(3, i)) }, sup)).status).toBe(201);
    expect((await post(app, "/api/staff/allocation/freeze", { grade: "1" }, sup)).status).toBe(200);
    await revealWitnesses(app, sup, 3);
    const second = (await (await post(app, "/api/staff/allocation/draws", { grade: "1" }, sup)).json()) as { runId: string; seed: string };
    expect(second.seed).not.toBe(first.seed);

    const replaced = await post(app, `/api/staff/allocation/runs/${first.runId}/publish`, {}, sup);
    expect(((await replaced.json()) as { message: string }).message).toBe("这次抽签已被重新抽签取代，不能发布。");
    expect((await post(app, `/api/staff/allocation/runs/${second.runId}/publish`, {}, sup)).status).toBe(200);
    const log = (await (await app.request("/api/enrol/draw-log")).json()) as { runs: { kind: string; seed: string }[]; ceremonies: { redrawReason: string | null }[] };
    expect(log.runs.map((r) => [r.kind, r.seed])).toEqual([["superseded", first.seed], ["published", second.seed]]);
    expect(log.ceremonies.map((c) => c.redrawReason)).toEqual([null, "冻结名单中一名申请人的施教区认定有误，已更正"]);
    expect(await (await app.request("/api/enrol/draw-log/page")).text()).toContain("重新抽签的理由：冻结名单中一名申请人的施教区认定有误，已更正");
    // Once offers are sent, no commitment (so no further re-draw) for the round.
    const late = await post(app, "/api/staff/allocation/commitments", { ...commitment, commitment: commitmentOf(witnessSecret(4, 0)), redrawReason: "再抽一次" }, sup);
    expect(late.status).toBe(409);
  });
});
