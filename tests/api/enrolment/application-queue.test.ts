/**
 * The enrolment review queue (`GET /api/staff/applications`, issue 19) over a few dozen real
 * submissions whose state, grade, submission time, offer and document reviews are then set in
 * SQL: keyset pages of 25 in review order (submitted or under review, oldest first, then the
 * rest), every filter with the rows and total equal to plain SQL written here, pages complete
 * and without repeats when applications arrive between two pages, bad cursors and references
 * refused (422) in Chinese, the home's counts each equal to the queue they link to, and a
 * complaint role refused (403) on both.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimitCounters } from "../../../db/schema";
import { validApplication } from "../../fixtures/enrolment";
import { get, insertUser, signInFully } from "../../fixtures/staff";
import { createTempDb, type TempDb } from "../../fixtures/temp-db";
import { enrolmentApp, submit } from "./enrolment-app";

const N = Number(process.env.APPQUEUE_N ?? 40);
const STATES = ["submitted", "under_review", "more_info_requested", "eligible", "offered", "ineligible"] as const;
const PREFERRED = "wenchang-xiaoxue-primary";
const OTHER = "dier-shiyan-xiaoxue-primary";

type Page = { items: { id: string; reference: string; state: string }[]; total: number; next: string | null };

describe("the enrolment review queue", () => {
  let tempDb: TempDb;
  let env: ReturnType<typeof enrolmentApp>;
  let officer: string;
  let serial = 0;

  /** A real submission (sealed personal data, documents), returning its id. */
  async function submitOne(): Promise<void> {
    serial += 1;
    // One test client submits them all: its hourly submission limit is not what is tested here.
    await tempDb.db.delete(rateLimitCounters);
    const res = await submit(env.app, validApplication(serial), { key: `appqueue-${serial}-key` });
    expect(res.status, await res.clone().text()).toBe(201);
  }

  beforeAll(async () => {
    tempDb = await createTempDb();
    env = enrolmentApp(tempDb);
    for (let i = 0; i < N; i++) await submitOne();
    // Spread the rows over states, grades, times (with ties, so the id decides), offers and reviews.
    const { rows } = await tempDb.client.execute("SELECT id FROM applications ORDER BY reference");
    for (const [i, r] of rows.entries()) {
      const state = STATES[i % STATES.length]!;
      await tempDb.client.execute({
        sql: "UPDATE applications SET state = ?, grade = ?, submitted_at = ?, offer_section = ?, preferences = ? WHERE id = ?",
        args: [
          state,
          i % 4 === 0 ? "7" : "1",
          `2026-11-${String(10 + (i % 7)).padStart(2, "0")}T08:00:00.000Z`,
          state === "offered" && i % 2 === 0 ? PREFERRED : null,
          JSON.stringify(i % 3 === 0 ? [PREFERRED] : [OTHER]),
          r.id as string,
        ],
      });
      if (i % 5 === 0) await tempDb.client.execute({ sql: "UPDATE application_documents SET review = 'accepted' WHERE application_id = ?", args: [r.id as string] });
    }
    officer = await signInFully(env.app, await insertUser(tempDb.db, { role: "enrolment_officer" }), env.clock.now());
  }, 120_000);
  afterAll(() => tempDb.cleanup());

  async function page(query: Record<string, string>, cookie = officer): Promise<Page> {
    const res = await get(env.app, `/api/staff/applications?${new URLSearchParams(query)}`, cookie);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Page;
  }

  async function allPages(query: Record<string, string>, between: () => Promise<void> = async () => {}): Promise<{ ids: string[]; pages: Page[] }> {
    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const p: Page = await page(after ? { ...query, after } : query);
      pages.push(p);
      after = p.next;
      if (after) await between();
      expect(pages.length).toBeLessThan(20);
    } while (after);
    return { ids: pages.flatMap((p) => p.items.map((i) => i.id)), pages };
  }

  /** The expected ids in review order, in plain SQL. */
  async function expected(where: string, args: string[] = []): Promise<string[]> {
    const { rows } = await tempDb.client.execute({
      sql: `SELECT id FROM applications a WHERE state <> 'draft' AND ${where}
            ORDER BY CASE WHEN state IN ('submitted', 'under_review') THEN 0 ELSE 1 END, submitted_at, id`,
      args,
    });
    return rows.map((r) => r.id as string);
  }

  const FILTERS: [Record<string, string>, string, string[]][] = [
    [{}, "1 = 1", []],
    [{ state: "submitted" }, "state = ?", ["submitted"]],
    [{ state: "offered" }, "state = ?", ["offered"]],
    [{ grade: "7" }, "grade = ?", ["7"]],
    [{ school: PREFERRED }, "(offer_section = ? OR EXISTS (SELECT 1 FROM json_each(preferences) WHERE value = ?))", [PREFERRED, PREFERRED]],
    [{ documents: "pending" }, "EXISTS (SELECT 1 FROM application_documents d WHERE d.application_id = a.id AND d.review = 'pending')", []],
    [{ grade: "1", state: "under_review", documents: "pending" }, "grade = '1' AND state = 'under_review' AND EXISTS (SELECT 1 FROM application_documents d WHERE d.application_id = a.id AND d.review = 'pending')", []],
  ];

  for (const [query, where, args] of FILTERS) {
    it(`lists ${JSON.stringify(query)} in review order, page by page, as plain SQL does`, async () => {
      const want = await expected(where, args);
      expect(want.length).toBeGreaterThan(0);
      const { ids, pages } = await allPages(query);
      expect(ids).toEqual(want);
      for (const p of pages) {
        expect(p.total).toBe(want.length);
        expect(p.items.length).toBeLessThanOrEqual(25);
      }
      expect(pages.at(-1)!.next).toBeNull();
    });
  }

  it("puts what waits for a reviewer first, oldest submission first", async () => {
    const { items } = await page({});
    const waiting = items.filter((i) => i.state === "submitted" || i.state === "under_review");
    expect(items.slice(0, waiting.length)).toEqual(waiting);
    expect(waiting.length).toBeGreaterThan(0);
  });

  it("finds one application by its reference, in any case, and refuses a partial one in Chinese", async () => {
    const [first] = (await page({})).items;
    const found = await page({ q: first!.reference.toLowerCase() });
    expect(found.items.map((i) => i.id)).toEqual([first!.id]);
    const res = await get(env.app, "/api/staff/applications?q=RX2026", officer);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("请输入完整的受理编号");
  });

  it("refuses a cursor it did not write (422) and unknown parameters", async () => {
    for (const after of ["not-a-cursor", "W10", btoa(JSON.stringify(["x", ""])).replace(/=+$/, "")]) {
      const res = await get(env.app, `/api/staff/applications?after=${encodeURIComponent(after)}`, officer);
      expect(res.status, after).toBe(422);
      expect(await res.text()).toContain("翻页参数无效");
    }
    expect((await get(env.app, "/api/staff/applications?page=2", officer)).status).toBe(422);
  });

  it("shows every application present at the start exactly once when new ones arrive between pages", async () => {
    const before = await expected("1 = 1");
    const { ids } = await allPages({}, submitOne);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of before) expect(ids).toContain(id);
  });

  it("counts what to review, information received and offers awaiting an answer, each equal to the queue it links to", async () => {
    const res = await get(env.app, "/api/staff/applications/counts", officer);
    expect(res.status).toBe(200);
    const { counts } = (await res.json()) as { counts: { key: string; filter: Record<string, string>; count: number }[] };
    expect(counts.map((c) => [c.key, c.filter.state])).toEqual([
      ["review", "submitted"],
      ["information", "under_review"],
      ["offered", "offered"],
    ]);
    for (const c of counts) {
      expect(c.count).toBe((await expected("state = ?", [c.filter.state!])).length);
      expect((await page(c.filter)).total).toBe(c.count);
    }
  });

  it("refuses the queue and its counts to a complaint role", async () => {
    const clerk = await signInFully(env.app, await insertUser(tempDb.db, { role: "complaint_intake" }), env.clock.now());
    expect((await get(env.app, "/api/staff/applications", clerk)).status).toBe(403);
    expect((await get(env.app, "/api/staff/applications/counts", clerk)).status).toBe(403);
  });
});
