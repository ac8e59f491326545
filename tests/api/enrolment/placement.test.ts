/**
 * 统筹安排 after the draw, on the real app: every eligible child ends with an offer or a
 * written reason. In a district cut down to two grade-1 seats, three families apply; after the
 * official draw and publication two hold places and the third is told in writing why there is
 * none (and stays on the waitlist); none is left "eligible" without either. The served results
 * file carries the placements with what re-runs them, and `allocation:verify` re-runs them from
 * the lottery numbers and offers it recomputes: it passes as served and fails on a tampered
 * placement or a tampered catchment.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { applicationEvents, applications } from "../../../db/schema";
import { useTempDb } from "../../fixtures/temp-db";
import { committedCatalogue, validApplication } from "../../fixtures/enrolment";
import { buildStaffApp, insertUser, post, signInFully } from "../../fixtures/staff";
import { catalogueSourceFrom } from "../../../functions/platform/catalogue-source";
import { fixedClock } from "../../fixtures/test-app";
import { officialDraw } from "../../fixtures/draw";
import { submit } from "./enrolment-app";
import { runVerifyAllocation } from "../../../functions/cli/verify-allocation-command";
import type { PlacementRecord } from "../../../src/domain/enrolment/draw/placement-record";

const tempDb = useTempDb();
const dir = mkdtempSync(path.join(tmpdir(), "placement-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const W = "wenchang-xiaoxue-primary";
const D = "dier-shiyan-xiaoxue-primary";

describe("no eligible child without a place or a reason", () => {
  it("places by the published rule, and writes the reason when no seat is left anywhere", async () => {
    const catalogue = structuredClone(await committedCatalogue());
    const kept = (id: string) => id === W || id === D;
    catalogue.sections = catalogue.sections.filter((s) => s.grade !== "1" || kept(s.id)).map((s) => (kept(s.id) ? { ...s, seats: 1 } : s));
    catalogue.intake.grades[0]!.seats = catalogue.intake.grades[0]!.seats.filter((l) => kept(l.section)).map((l) => ({ ...l, seats: 1 }));
    const clock = fixedClock("2026-12-03T02:00:00.000Z");
    const { app } = buildStaffApp(tempDb(), { clock, catalogue: catalogueSourceFrom(async () => catalogue) });
    const db = tempDb().db;
    for (const serial of [1, 2, 3]) {
      const a = validApplication(serial);
      a.preferences = [W];
      expect((await submit(app, a, { key: `placement-${serial}` })).status).toBe(201);
    }
    const officer = await signInFully(app, await insertUser(db, { role: "enrolment_officer" }), clock.now());
    for (const row of await db.select().from(applications)) expect((await post(app, `/api/staff/applications/${row.id}/decision`, { decision: "eligible" }, officer)).status).toBe(200);

    clock.set("2027-05-15T01:00:00.000Z");
    const sup = await signInFully(app, await insertUser(db, { role: "enrolment_supervisor" }), clock.now());
    const run = await officialDraw(app, sup);
    expect(run.offered).toBe(1);
    expect((await post(app, `/api/staff/allocation/runs/${run.runId}/publish`, {}, sup)).status).toBe(200);

    const rows = await db.select().from(applications);
    expect(rows.filter((r) => r.state === "eligible")).toEqual([]);
    const outcomes = await Promise.all(
      rows.map(async (r) => {
        const events = await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, r.id)).orderBy(asc(applicationEvents.id));
        return { state: r.state, offer: r.offerSection, message: events.at(-1)!.message ?? "" };
      }),
    );
    for (const o of outcomes) expect(o.offer !== null || o.message.includes("另行安排")).toBe(true);
    expect(outcomes.filter((o) => o.offer === W)).toHaveLength(1);
    const placed = outcomes.find((o) => o.offer === D)!;
    expect(placed.message).toContain("您被安排到本社区施教区内仍有空余学位的「清溪区第二实验小学」");
    const none = outcomes.find((o) => o.offer === null)!;
    expect(none.state).toBe("waitlisted");
    expect(none.message).toContain("全区该年级在本批次已没有空余学位");

    // The served file records both placements with what re-runs them, and no community.
    const served = await (await app.request("/api/enrol/results")).text();
    type Served = { grades: { placement: PlacementRecord }[] };
    const record = (JSON.parse(served) as Served).grades[0]!.placement;
    expect(record.placements.map((p) => [p.program, p.ring])).toEqual(expect.arrayContaining([[D, "catchment"], [null, "none"]]));
    expect(record.placements).toHaveLength(2);
    expect(record.programs.map((p) => p.id)).toEqual(catalogue.intake.grades[0]!.seats.map((l) => l.section));
    for (const child of record.children) expect(Object.keys(child).sort()).toEqual(["areaId", "catchment", "id"]);
    expect(served).not.toContain("community");
    const file = path.join(dir, "results.json");
    const verify = async (json: string) => (writeFileSync(file, json), runVerifyAllocation(["--", file]));
    expect(await verify(served)).toEqual({ code: 0, lines: ["match: 1年级第一轮：重新计算的结果与公布结果一致（3名申请人、2个学位项目、2名统筹安排的孩子）。"] });

    // A placement moved by hand is caught, and named.
    const moved = JSON.parse(served) as Served;
    const atD = moved.grades[0]!.placement.placements.find((p) => p.program === D)!;
    Object.assign(atD, { program: null, ring: "none" });
    const report = await verify(JSON.stringify(moved));
    expect(report.code).toBe(1);
    expect(report.lines[1]).toBe(`  统筹安排：申请${atD.applicant}公布为未安排（无空余学位），重新计算为${D}（施教区）`);

    // So is a catchment changed to justify another placement: the rule re-run disagrees with the record.
    const recatch = JSON.parse(served) as Served;
    const child = recatch.grades[0]!.placement.children.find((c) => c.id === atD.applicant)!;
    child.catchment = [];
    child.areaId = "nowhere";
    expect((await verify(JSON.stringify(recatch))).lines[1]).toBe(`  统筹安排：申请${atD.applicant}公布为${D}（施教区），重新计算为${D}（全区）`);
  });
});
