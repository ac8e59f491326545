/**
 * The staff complaint queue (`GET /api/staff/complaints`, issue 19) over a few hundred seeded
 * cases: keyset pages of 50, most urgent first, without gaps or overlaps (also when cases are
 * filed between two pages), every filter alone and combined with the rows and total equal to
 * plain SQL over the stored due date, a liaison held to its own department whatever it asks
 * for, and bad filters or cursors refused (422) in Chinese. Expected pages come from SQL
 * written here, not from the service's query builder.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { seedComplaintQueue } from "../../../bench/fixtures/complaint-queue-seed";
import { useTempDb } from "../../fixtures/temp-db";
import { buildStaffApp, get, insertUser, signInFully } from "../../fixtures/staff";
import { fixedClock } from "../../fixtures/test-app";
import { fileComplaint } from "../../fixtures/complaints";

type Page = { complaints: { id: string; status: string; category: string; department: string | null; school: string; dueOn: string | null }[]; total: number; next: string | null };

const TODAY = "2026-09-01";

/** The due filters in plain SQL on the stored columns (a running clock's due date against today). */
const DUE_SQL: Record<string, string> = {
  overdue: `clock_state = 'running' AND due_on < '${TODAY}'`,
  today: `clock_state = 'running' AND due_on = '${TODAY}'`,
  soon: `clock_state = 'running' AND due_on BETWEEN '${TODAY}' AND date('${TODAY}', '+3 days')`,
};

describe("the staff complaint queue", () => {
  const tempDb = useTempDb();
  let env: ReturnType<typeof buildStaffApp>;
  let triage: string;
  let finance: string;

  beforeEach(async () => {
    const clock = fixedClock(`${TODAY}T08:00:00.000Z`);
    env = buildStaffApp(tempDb(), { clock });
    await seedComplaintQueue(tempDb().client, 400, TODAY, 400);
    const db = tempDb().db;
    triage = await signInFully(env.app, await insertUser(db, { role: "complaint_intake" }), clock.now());
    finance = await signInFully(env.app, await insertUser(db, { role: "department_liaison", department: "caizheng-ju" }), clock.now());
  }, 60_000);

  async function page(cookie: string, query: Record<string, string>): Promise<Page> {
    const res = await get(env.app, `/api/staff/complaints?${new URLSearchParams(query)}`, cookie);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Page;
  }

  /** Every page of a query, following the cursor. */
  async function allPages(cookie: string, query: Record<string, string>): Promise<{ ids: string[]; pages: Page[] }> {
    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const p: Page = await page(cookie, after ? { ...query, after } : query);
      pages.push(p);
      after = p.next;
      expect(pages.length).toBeLessThan(20);
    } while (after);
    return { ids: pages.flatMap((p) => p.complaints.map((c) => c.id)), pages };
  }

  /** Ids in queue order (urgency, then id), straight from SQL. */
  async function expected(where: Record<string, string>, due?: string): Promise<string[]> {
    const entries = Object.entries(where);
    const clauses = [...entries.map(([k]) => `${k} = ?`), ...(due ? [DUE_SQL[due]!] : [])];
    const sql = `SELECT id FROM complaints ${clauses.length ? `WHERE ${clauses.join(" AND ")}` : ""} ORDER BY urgency, id`;
    const rs = await tempDb().client.execute({ sql, args: entries.map(([, v]) => v) });
    return rs.rows.map((r) => String(r.id));
  }

  it("pages the whole queue 50 at a time by cursor, most urgent first, overdue first and no-clock cases last, with the total", async () => {
    const all = await expected({});
    const { ids, pages } = await allPages(triage, {});
    expect(pages.length).toBe(8);
    for (const p of pages) expect(p.total).toBe(400);
    expect(pages.map((p) => p.complaints.length)).toEqual([50, 50, 50, 50, 50, 50, 50, 50]);
    expect(ids).toEqual(all);
    const dues = pages.flatMap((p) => p.complaints.map((c) => c.dueOn));
    const firstNull = dues.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(dues.slice(firstNull).every((d) => d === null)).toBe(true);
    expect(dues[0]! < TODAY).toBe(true); // the seeded queue has overdue cases, and they lead
  });

  it("never repeats or loses a case across pages when cases are filed between two pages", async () => {
    const before = await expected({});
    const first = await page(triage, {});
    // Three new cases (due in 15 days) arrive while the clerk reads page 1.
    for (let i = 0; i < 3; i++) await fileComplaint(env.app, { category: "fees" });
    const seen = first.complaints.map((c) => c.id);
    let after = first.next;
    while (after) {
      const p = await page(triage, { after });
      seen.push(...p.complaints.map((c) => c.id));
      after = p.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
    // A new case shows on a later page exactly when it sorts after the last case of page 1.
    const last = first.complaints.at(-1)!.id;
    const rs = await tempDb().client.execute({ sql: "SELECT id, (urgency, id) > (SELECT urgency, id FROM complaints WHERE id = ?) AS later FROM complaints WHERE id NOT IN (SELECT value FROM json_each(?))", args: [last, JSON.stringify(before)] });
    expect(rs.rows.length).toBe(3);
    for (const r of rs.rows) expect(seen.includes(String(r.id))).toBe(Number(r.later) === 1);
  });

  it("applies every filter alone and combined, each page holding only matching cases, in order, with the SQL total", async () => {
    const school = String((await tempDb().client.execute("SELECT school FROM complaints WHERE school <> 'none' GROUP BY school ORDER BY count(*) DESC LIMIT 1")).rows[0]!.school);
    const cases: [Record<string, string>, string | undefined][] = [
      [{ status: "closed" }, undefined],
      [{ category: "fees" }, undefined],
      [{ department: "jiaoyu-ju" }, undefined],
      [{ school }, undefined],
      [{}, "overdue"],
      [{}, "today"],
      [{}, "soon"],
      [{ status: "investigating" }, "overdue"],
      [{ status: "closed", category: "fees" }, undefined],
      [{ category: "fees", department: "jiaoyu-ju" }, "overdue"],
    ];
    for (const [filter, due] of cases) {
      const want = await expected(filter, due);
      if (due !== "today") expect(want.length, JSON.stringify(filter) + due).toBeGreaterThan(0);
      const { ids, pages } = await allPages(triage, { ...filter, ...(due ? { due } : {}) });
      for (const p of pages) {
        expect(p.total).toBe(want.length);
        for (const c of p.complaints) expect(c).toMatchObject(filter);
      }
      expect(ids, JSON.stringify(filter) + due).toEqual(want);
    }
  });

  it("holds a department liaison to its own department, whatever department it asks for", async () => {
    const own = await expected({ department: "caizheng-ju" });
    expect(own.length).toBeGreaterThan(0);
    const p = await page(finance, {});
    expect(p.total).toBe(own.length);
    expect(p.complaints.map((c) => c.id)).toEqual(own.slice(0, 50));
    expect(await page(finance, { department: "jiaoyu-ju" })).toMatchObject({ complaints: [], total: 0, next: null });
    expect((await page(finance, { due: "overdue" })).complaints.every((c) => c.department === "caizheng-ju")).toBe(true);
  });

  it("treats an empty parameter as any (a GET form's unselected option)", async () => {
    expect((await page(triage, { status: "", category: "", due: "", q: "", after: "" })).total).toBe(400);
  });

  it("refuses an unknown filter value, a forged cursor or a one-character search, in Chinese", async () => {
    const forged = btoa(JSON.stringify(["0:2026-01-01"])).replace(/=+$/, "");
    for (const query of ["status=open", "category=noise", "department=police", "due=yesterday", "waiting=tea", "mine=yes", "after=%%%", `after=${forged}`, "q=a", "page=2"]) {
      const res = await get(env.app, `/api/staff/complaints?${query}`, triage);
      expect(res.status, query).toBe(422);
      expect((await res.json()).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
