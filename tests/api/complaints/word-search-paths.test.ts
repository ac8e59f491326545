/**
 * A word search answered both ways (issue 19 item 6): through the FTS5 matches (few of them)
 * and by walking the urgency index and testing each row's text (a common word). On 400 seeded
 * cases, with the threshold forced each way, every query (a word in every case, a category's
 * words, an answer's and a refusal's, several words at once, a rare number, mixed-case Latin
 * letters, a word in nothing) under every filter and for a liaison gives the same cases in the
 * same order, page by page, with the same totals, and the same as plain SQL written here.
 * Then the walk's cap (a word below three characters, or a common word): it stops after the
 * cases it may examine, says so, and 下一页 goes on from the last case examined until nothing is
 * missed.
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { seedComplaintQueue } from "../../../bench/fixtures/complaint-queue-seed";
import { complaints } from "../../../db/schema";
import { queueCondition, searchPath, type QueueFilter } from "../../../functions/services/complaint/internal/complaint-queue";
import { walkPage, walkTotal } from "../../../functions/services/complaint/internal/word-walk";
import { WALK_EXAMINED } from "../../../functions/services/complaint/internal/word-search";
import { listComplaints, type ComplaintPage } from "../../../functions/services/complaint/list-complaints";
import { decodeCursor } from "../../../src/domain/staff/queue-cursor";
import type { StaffRole } from "../../../src/domain/staff/roles";
import { useTempDb } from "../../fixtures/temp-db";
import { buildStaffApp, insertUser, staffCtxOf } from "../../fixtures/staff";
import { fixedClock } from "../../fixtures/test-app";

const TODAY = "2026-09-01";
const FTS = 1e9;
const WALK = 0;

const QUERIES = ["不符合规定", "违规收费", "有偿补课 核查处理", "经核查", "不属于义务教育", "第 123 件", "pDF文件", "没有这个词"];
const FILTERS: QueueFilter[] = [{}, { status: "closed" }, { category: "fees" }, { department: "caizheng-ju" }, { due: "overdue" }, { status: "answered", department: "jiaoyu-ju" }];

describe("a word search through FTS5 or by walking the urgency index", () => {
  const tempDb = useTempDb();
  let ctxAs: (role: StaffRole) => Promise<Parameters<typeof listComplaints>[0]["ctx"]>;

  beforeEach(async () => {
    const clock = fixedClock(`${TODAY}T08:00:00.000Z`);
    const { deps } = buildStaffApp(tempDb(), { clock });
    await seedComplaintQueue(tempDb().client, 400, TODAY, 400);
    // Latin letters in two cases' answers and drafts, in mixed case (the trigram index folds case).
    const ids = (await tempDb().client.execute("SELECT id FROM complaints ORDER BY rowid LIMIT 2 OFFSET 100")).rows.map((r) => String(r.id));
    await tempDb().db.update(complaints).set({ draftAnswer: "请看附件PDF文件。" }).where(eq(complaints.id, ids[0]!));
    await tempDb().db.update(complaints).set({ answer: "见Pdf文件第二页。" }).where(eq(complaints.id, ids[1]!));
    ctxAs = async (role) => staffCtxOf(deps, await insertUser(tempDb().db, role === "department_liaison" ? { role, department: "caizheng-ju" } : { role })) as Parameters<typeof listComplaints>[0]["ctx"];
  }, 60_000);

  async function allPages(ctx: Parameters<typeof listComplaints>[0]["ctx"], query: QueueFilter, walkFrom: number): Promise<{ ids: string[]; pages: ComplaintPage[] }> {
    const pages: ComplaintPage[] = [];
    let after: string | undefined;
    do {
      const p = await listComplaints({ ctx, input: { ...query, ...(after ? { after } : {}), walkFrom } });
      pages.push(p);
      after = p.next ?? undefined;
      expect(pages.length).toBeLessThan(12);
    } while (after);
    return { ids: pages.flatMap((p) => p.complaints.map((c) => c.id)), pages };
  }

  /** The matches in queue order from plain SQL: every word of three characters or more in the FTS body, case folded. */
  async function expected(q: string, filter: QueueFilter, heldTo: string | null): Promise<string[]> {
    const words = q.split(/\s+/).filter((w) => [...w].length >= 3);
    const body = "lower(concat_ws(char(10), what_happened, not_accepted_reason, draft_answer, answer))";
    const clauses = words.map(() => `instr(${body}, lower(?)) > 0`);
    const args: string[] = [...words];
    for (const key of ["status", "category", "department"] as const) {
      if (filter[key]) {
        clauses.push(`${key} = ?`);
        args.push(filter[key]!);
      }
    }
    if (filter.due === "overdue") clauses.push(`clock_state = 'running' AND due_on < '${TODAY}'`);
    if (heldTo) {
      clauses.push("department = ?");
      args.push(heldTo);
    }
    const rs = await tempDb().client.execute({ sql: `SELECT id FROM complaints WHERE ${clauses.join(" AND ")} ORDER BY urgency, id`, args });
    return rs.rows.map((r) => String(r.id));
  }

  it("chooses FTS5 for few matches and the walk for many, by a bounded count", async () => {
    expect(await searchPath(tempDb().db, "不符合规定")).toBe("fts"); // 400 matches, under the 2,000 a walk needs
    expect(await searchPath(tempDb().db, "不符合规定", 399)).toBe("walk");
    expect(await searchPath(tempDb().db, "不符合规定", 400)).toBe("fts");
    expect(await searchPath(tempDb().db, "收费")).toBe("short");
    expect(await searchPath(tempDb().db, "TS2026-00001", WALK)).toBe("fts");
    expect(await searchPath(tempDb().db, "13800138000", WALK)).toBe("fts");
  });

  it("gives the same cases in the same order, page by page, with the same totals, both ways, for staff and a liaison", async () => {
    const intake = await ctxAs("complaint_intake");
    const liaison = await ctxAs("department_liaison");
    let nonEmpty = 0;
    for (const [ctx, heldTo] of [[intake, null], [liaison, "caizheng-ju"]] as const) {
      for (const q of QUERIES) {
        for (const filter of FILTERS) {
          const name = `${q} ${JSON.stringify(filter)}${heldTo ? " (liaison)" : ""}`;
          const fts = await allPages(ctx, { ...filter, q }, FTS);
          const walk = await allPages(ctx, { ...filter, q }, WALK);
          const want = await expected(q, filter, heldTo);
          expect(fts.ids, name).toEqual(want);
          expect(walk.ids, name).toEqual(want);
          expect(walk.pages.map((p) => [p.complaints.length, p.total, p.atLeast]), name).toEqual(fts.pages.map((p) => [p.complaints.length, p.total, p.atLeast]));
          expect(fts.pages[0]!.total, name).toBe(want.length);
          if (heldTo) expect(walk.pages.flatMap((p) => p.complaints).every((c) => c.department === heldTo), name).toBe(true);
          if (want.length) nonEmpty++;
        }
      }
    }
    // The examples are not vacuous: most of them find cases, some several pages.
    expect(nonEmpty).toBeGreaterThan(40);
    expect((await allPages(intake, { q: "不符合规定" }, WALK)).pages).toHaveLength(8);
    expect((await allPages(intake, { q: "pdf文件" }, WALK)).ids).toHaveLength(2);
  }, 120_000);

  it("walks at most the cases it may examine, says so, and goes on from there", async () => {
    const db = tempDb().db;
    // "校服" in three cases: at places 10, 150 and 390 of the queue's order.
    const order = (await tempDb().client.execute("SELECT id, urgency FROM complaints ORDER BY urgency, id")).rows.map((r) => String(r.id));
    const planted = [order[10]!, order[150]!, order[390]!];
    for (const id of planted) await db.update(complaints).set({ whatHappened: sql`${complaints.whatHappened} || '要求统一购买校服。'` }).where(eq(complaints.id, id));
    const base = queueCondition({}, { heldTo: null, userId: "u", today: TODAY });
    const first = await walkPage(db, base, ["校服"], null, 100);
    expect(first.keys.map((k) => k.id)).toEqual([planted[0]]);
    expect(first.stoppedAt?.[1]).toBe(order[99]); // the 100th case examined: the next page starts after it
    const second = await walkPage(db, base, ["校服"], first.stoppedAt, 100);
    expect(second.keys.map((k) => k.id)).toEqual([planted[1]]);
    const third = await walkPage(db, base, ["校服"], second.stoppedAt, 100);
    const fourth = await walkPage(db, base, ["校服"], third.stoppedAt, 100);
    expect([...third.keys, ...fourth.keys].map((k) => k.id)).toEqual([planted[2]]);
    expect(fourth.stoppedAt).toBeNull(); // the walk reached the end of the queue
    // The count: the matches among the first cases examined, "at least" when there are more cases.
    expect(await walkTotal(db, base, ["校服"], 100)).toEqual({ total: 1, atLeast: true });
    expect(await walkTotal(db, base, ["校服"], 400)).toEqual({ total: 3, atLeast: false });
    // Under a filter and a liaison's department the walk examines only those cases.
    const held = queueCondition({ status: "closed" }, { heldTo: "caizheng-ju", userId: "u", today: TODAY });
    const heldIds = (await db.select({ id: complaints.id }).from(complaints).where(and(held)).all()).map((r) => r.id);
    const heldPage = await walkPage(db, held, ["不符"], null, 1_000);
    expect(heldPage.keys.every((k) => heldIds.includes(k.id))).toBe(true);
    expect(heldPage.keys.length).toBe(Math.min(heldIds.length, 51));
    // A full page found before the cap is an ordinary page.
    const full = await walkPage(db, base, ["不符"], null, 100);
    expect([full.keys.length, full.stoppedAt]).toEqual([51, null]);
    // Several words (a common phrase's walk): every word must be in the case, as in FTS5.
    const both = await walkPage(db, base, ["不符合规定", "校服"], null, 400);
    expect(both.keys.map((k) => k.id)).toEqual(planted);
  });

  it("tells the console when a short word's page stopped early, with a cursor that goes on", async () => {
    const intake = await ctxAs("complaint_intake");
    // 400 cases are under the WALK_EXAMINED a page may examine: a rare short word is a complete answer.
    const none = await listComplaints({ ctx: intake, input: { q: "校服" } });
    expect(none).toMatchObject({ complaints: [], total: 0, atLeast: false, next: null, examined: null });
    const common = await listComplaints({ ctx: intake, input: { q: "不符" } });
    expect([common.complaints.length, common.examined, common.total]).toEqual([50, null, 400]);
    expect(decodeCursor(common.next!)).not.toBeNull();
  });

  it("stops a page after WALK_EXAMINED cases, says so, and the next page goes on to the end", async () => {
    // 100 cases past the cap (more cases filed in later years). "校服" is in the last case of the queue only.
    const total = WALK_EXAMINED + 100;
    await seedComplaintQueue(tempDb().client, total - 400, "2030-06-01", 300);
    expect(Number((await tempDb().client.execute("SELECT count(*) AS n FROM complaints")).rows[0]!.n)).toBe(total);
    const last = String((await tempDb().client.execute("SELECT id FROM complaints ORDER BY urgency DESC, id DESC LIMIT 1")).rows[0]!.id);
    await tempDb().db.update(complaints).set({ whatHappened: "学校要求统一购买校服。" }).where(eq(complaints.id, last));
    const intake = await ctxAs("complaint_intake");
    const first = await listComplaints({ ctx: intake, input: { q: "校服" } });
    expect(first).toMatchObject({ complaints: [], total: 0, atLeast: true, examined: WALK_EXAMINED });
    const second = await listComplaints({ ctx: intake, input: { q: "校服", after: first.next! } });
    expect(second.complaints.map((c) => c.id)).toEqual([last]);
    expect(second).toMatchObject({ examined: null, next: null, total: 0, atLeast: true }); // the count is of the first cases examined
    // A common word forced to walk: a full page, and a count of the first WALK_EXAMINED cases.
    const common = await listComplaints({ ctx: intake, input: { q: "不符合规定", walkFrom: WALK } });
    expect([common.complaints.length, common.total, common.atLeast, common.examined]).toEqual([50, WALK_EXAMINED, true, null]);
  }, 60_000);
});
