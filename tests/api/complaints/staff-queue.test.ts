/**
 * The staff complaint queue (`GET /api/staff/complaints`) over a few hundred seeded cases:
 * pages of 50 in queue order (oldest received first) without gaps or overlaps, the status,
 * category and department filters combined, the total equal to a plain SQL COUNT, a
 * liaison held to its own department, and bad filters refused (422) in Chinese. Expected pages
 * come from plain SQL over the same table, not from the service's query builder.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { seedComplaintQueue } from "../../../bench/fixtures/complaint-queue-seed";
import { useTempDb } from "../../fixtures/temp-db";
import { buildStaffApp, get, insertUser, signInFully } from "../../fixtures/staff";
import { fixedClock } from "../../fixtures/test-app";

type Page = { complaints: { id: string; status: string; category: string; department: string | null }[]; total: number; page: number; pages: number };

describe("the staff complaint queue", () => {
  const tempDb = useTempDb();
  let env: ReturnType<typeof buildStaffApp>;
  let triage: string;
  let finance: string;

  beforeEach(async () => {
    const clock = fixedClock("2026-09-01T08:00:00.000Z");
    env = buildStaffApp(tempDb(), { clock });
    await seedComplaintQueue(tempDb().client, 400, "2026-09-01", 400);
    const db = tempDb().db;
    triage = await signInFully(env.app, await insertUser(db, { role: "complaint_intake" }), clock.now());
    finance = await signInFully(env.app, await insertUser(db, { role: "department_liaison", department: "caizheng-ju" }), clock.now());
  }, 60_000);

  async function page(cookie: string, query: Record<string, string>): Promise<Page> {
    const res = await get(env.app, `/api/staff/complaints?${new URLSearchParams(query)}`, cookie);
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  }

  /** Ids in queue order and the count, straight from SQL. */
  async function expected(where: Record<string, string>): Promise<string[]> {
    const entries = Object.entries(where);
    const sql = `SELECT id FROM complaints ${entries.length ? `WHERE ${entries.map(([k]) => `${k} = ?`).join(" AND ")}` : ""} ORDER BY received_at, id`;
    const rs = await tempDb().client.execute({ sql, args: entries.map(([, v]) => v) });
    return rs.rows.map((r) => String(r.id));
  }

  it("pages the whole queue 50 at a time, oldest first, with no case missing or repeated, and the total", async () => {
    const all = await expected({});
    const seen: string[] = [];
    for (let n = 1; n <= 8; n++) {
      const p = await page(triage, n === 1 ? {} : { page: String(n) });
      expect(p).toMatchObject({ total: 400, page: n, pages: 8 });
      expect(p.complaints.length).toBe(50);
      seen.push(...p.complaints.map((c) => c.id));
    }
    expect(seen).toEqual(all);
    expect(await page(triage, { page: "9" })).toMatchObject({ complaints: [], total: 400, page: 9, pages: 8 });
  });

  it("combines the status, category and department filters, each page holding only matching cases", async () => {
    const filters: Record<string, string>[] = [{ status: "closed" }, { category: "fees" }, { department: "jiaoyu-ju" }, { status: "closed", category: "fees" }, { status: "closed", department: "jiaoyu-ju" }, { status: "closed", category: "fees", department: "jiaoyu-ju" }];
    for (const filter of filters) {
      const want = await expected(filter);
      expect(want.length).toBeGreaterThan(0);
      const pages = Math.ceil(want.length / 50);
      const got: string[] = [];
      for (let n = 1; n <= pages; n++) {
        const p = await page(triage, { ...filter, page: String(n) });
        expect(p.total).toBe(want.length);
        expect(p.pages).toBe(pages);
        expect(p.complaints.length).toBe(n < pages ? 50 : want.length - (pages - 1) * 50);
        for (const c of p.complaints) expect(c).toMatchObject(filter);
        got.push(...p.complaints.map((c) => c.id));
      }
      expect(got).toEqual(want);
    }
  });

  it("holds a department liaison to its own department, whatever department it asks for", async () => {
    const own = await expected({ department: "caizheng-ju" });
    expect(own.length).toBeGreaterThan(0);
    const p = await page(finance, {});
    expect(p.total).toBe(own.length);
    expect(p.complaints.map((c) => c.id)).toEqual(own.slice(0, 50));
    expect(await page(finance, { department: "jiaoyu-ju" })).toMatchObject({ complaints: [], total: 0, pages: 1 });
  });

  it("refuses an unknown status, category or department, or a page below 1, in Chinese", async () => {
    for (const query of ["status=open", "category=noise", "department=police", "page=0", "page=two"]) {
      const res = await get(env.app, `/api/staff/complaints?${query}`, triage);
      expect(res.status).toBe(422);
      expect((await res.json()).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
