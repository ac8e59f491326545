/**
 * The queue's bounded total (src/domain/staff/queue-count, issue 19 item 6) over 10,100 seeded
 * cases, more than COUNT_CAP: a filter matching more than the cap is "10,000 and more" on its
 * first page and on a deep one, a filter matching fewer is exact, exactly at the boundary too,
 * and each console-home count equals the total of the queue it links to, the cap included.
 * Expected figures come from plain SQL written here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedComplaintQueue } from "../../../bench/fixtures/complaint-queue-seed";
import { COUNT_CAP } from "../../../src/domain/staff/queue-count";
import { createTempDb, type TempDb } from "../../fixtures/temp-db";
import { buildStaffApp, get, insertUser, signInFully } from "../../fixtures/staff";
import { fixedClock } from "../../fixtures/test-app";

type Page = { complaints: { id: string }[]; total: number; atLeast: boolean; next: string | null };
type Counts = { counts: { key: string; filter: Record<string, string>; count: number; atLeast: boolean }[] };

const TODAY = "2026-09-01";
const CASES = COUNT_CAP + 100;

describe("the complaint queue's bounded total", () => {
  let temp: TempDb;
  const tempDb = () => temp;
  let env: ReturnType<typeof buildStaffApp>;
  let triage: string;

  beforeAll(async () => {
    temp = await createTempDb();
    const clock = fixedClock(`${TODAY}T08:00:00.000Z`);
    env = buildStaffApp(tempDb(), { clock });
    // Received within 60 days, so most clocks run and the overdue/soon counts are real.
    await seedComplaintQueue(tempDb().client, CASES, TODAY, 60);
    triage = await signInFully(env.app, await insertUser(tempDb().db, { role: "complaint_intake" }), clock.now());
  }, 120_000);
  afterAll(() => temp?.cleanup());

  const sqlCount = async (where = "1") => Number((await tempDb().client.execute(`SELECT count(*) AS n FROM complaints WHERE ${where}`)).rows[0]!.n);
  async function page(query: Record<string, string>): Promise<Page> {
    const res = await get(env.app, `/api/staff/complaints?${new URLSearchParams(query)}`, triage);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Page;
  }

  it("says COUNT_CAP and more past the cap, on the first page and after a cursor", async () => {
    expect(await sqlCount()).toBe(CASES);
    const first = await page({});
    expect({ total: first.total, atLeast: first.atLeast }).toEqual({ total: COUNT_CAP, atLeast: true });
    const second = await page({ after: first.next! });
    expect({ total: second.total, atLeast: second.atLeast }).toEqual({ total: COUNT_CAP, atLeast: true });
    expect(second.complaints.length).toBe(50);
  });

  it("gives the console home the same bounded figure as the queue each count links to", async () => {
    const { counts } = (await (await get(env.app, "/api/staff/complaints/counts", triage)).json()) as Counts;
    expect(counts.length).toBeGreaterThan(3);
    for (const c of counts) {
      const listed = await page(c.filter);
      expect({ key: c.key, total: listed.total, atLeast: listed.atLeast }).toEqual({ key: c.key, total: c.count, atLeast: c.atLeast });
    }
    // Every case new: the home's "new" count is past the cap, and says so as the queue does.
    await tempDb().client.execute("UPDATE complaints SET status = 'submitted'");
    const again = (await (await get(env.app, "/api/staff/complaints/counts", triage)).json()) as Counts;
    const fresh = again.counts.find((c) => c.key === "new")!;
    expect(fresh).toMatchObject({ count: COUNT_CAP, atLeast: true });
    const listed = await page(fresh.filter);
    expect({ total: listed.total, atLeast: listed.atLeast }).toEqual({ total: COUNT_CAP, atLeast: true });
    await tempDb().client.execute("UPDATE complaints SET status = 'closed'");
    expect((await (await get(env.app, "/api/staff/complaints/counts", triage)).json()).counts.find((c: { key: string }) => c.key === "new")).toMatchObject({ count: 0, atLeast: false });
  });

  it("is exact below the cap, and exactly at it", async () => {
    const fees = await page({ category: "fees" });
    expect({ total: fees.total, atLeast: fees.atLeast }).toEqual({ total: await sqlCount("category = 'fees'"), atLeast: false });
    // Take cases away until exactly COUNT_CAP are left: the total is then exact.
    await tempDb().client.execute(`DELETE FROM complaint_pauses`);
    await tempDb().client.execute(`DELETE FROM complaints WHERE id IN (SELECT id FROM complaints ORDER BY id LIMIT ${CASES - COUNT_CAP})`);
    const at = await page({});
    expect({ total: at.total, atLeast: at.atLeast }).toEqual({ total: COUNT_CAP, atLeast: false });
    await tempDb().client.execute(`DELETE FROM complaints WHERE id IN (SELECT id FROM complaints ORDER BY id LIMIT 1)`);
    expect((await page({})).total).toBe(COUNT_CAP - 1);
  });
});
