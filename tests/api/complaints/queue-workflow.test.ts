/**
 * The queue's working parts around the list (issue 19), on cases filed and handled through
 * the real API at a fixed clock: the console home's counts against a hand-built case set
 * (new, due today, due within 3 days, overdue, drafts, extensions, information received, per
 * role, a liaison's held to its department); the word search (FTS5 trigram, and two
 * characters, and a common word's walk of the urgency index) and the reference search, scoped by
 * the permission matrix (a liaison never finds another department's case); bulk assignment with one audit row per case and "assigned to
 * me"; and a case's previous and next case within a filtered queue.
 */
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, complaints } from "../../../db/schema";
import { useTempDb } from "../../fixtures/temp-db";
import { buildStaffApp, get, insertUser, post, signInFully, staffCtxOf, type TestUser } from "../../fixtures/staff";
import { fixedClock } from "../../fixtures/test-app";
import { listComplaints } from "../../../functions/services/complaint/list-complaints";
import { fileComplaint, postJson, type Receipt } from "../../fixtures/complaints";

type Counts = { counts: { key: string; filter: Record<string, string>; count: number }[] };

describe("the queue's counts, search, bulk assignment and neighbours", () => {
  const tempDb = useTempDb();
  let env: ReturnType<typeof buildStaffApp>;
  let clock: ReturnType<typeof fixedClock>;
  let users: Record<"intake" | "supervisor" | "finance" | "building", TestUser>;
  let cookies: Record<keyof typeof users, string>;
  const refs: Record<string, Receipt> = {};
  const ids: Record<string, string> = {};

  async function signInAll() {
    for (const k of Object.keys(users) as (keyof typeof users)[]) cookies[k] = await signInFully(env.app, users[k], clock.now());
  }
  const act = (who: keyof typeof users, name: string, path: string, body: unknown = {}) => post(env.app, `/api/staff/complaints/${ids[name]}${path}`, body, cookies[who]);
  async function ok(res: Response | Promise<Response>) {
    const r = await res;
    expect(r.status, await r.clone().text()).toBe(200);
    return r.json();
  }

  /**
   * Today is 2026-09-01 (Beijing). Filed on: a 08-10 (acceptance due 08-25: overdue), b 08-17
   * (due 09-01: today), c 08-19 (due 09-03: soon), d 09-01 (due 09-16). On 08-20 e and f are
   * accepted and assigned to the finance bureau (answer due 10-19), g to the building bureau;
   * e gets a draft, f an extension request, and intake asks c's filer for more, who answers.
   */
  beforeEach(async () => {
    clock = fixedClock("2026-08-10T02:00:00.000Z");
    env = buildStaffApp(tempDb(), { clock });
    const db = tempDb().db;
    users = {
      intake: await insertUser(db, { role: "complaint_intake" }),
      supervisor: await insertUser(db, { role: "complaint_supervisor" }),
      finance: await insertUser(db, { role: "department_liaison", department: "caizheng-ju" }),
      building: await insertUser(db, { role: "department_liaison", department: "jianshe-ju" }),
    };
    cookies = {} as typeof cookies;
    const file = async (name: string, on: string, whatHappened: string) => {
      clock.set(`${on}T02:00:00.000Z`);
      refs[name] = await fileComplaint(env.app, { category: "fees", whatHappened, happenedOn: "2026-08-01" });
      ids[name] = (await db.select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, refs[name]!.reference)).get())!.id;
    };
    await file("a", "2026-08-10", "学校收取资料费没有收据。");
    await file("e", "2026-08-10", "班主任收取补课费，每人三百元。");
    await file("f", "2026-08-10", "学校食堂收费标准没有公示。");
    await file("g", "2026-08-10", "教学楼外墙脱落，存在安全隐患。");
    await file("b", "2026-08-17", "学校强制订购教辅材料。");
    await file("c", "2026-08-19", "老师在家长群公布考试排名。");
    clock.set("2026-08-20T02:00:00.000Z");
    await signInAll();
    for (const [name, department] of [["e", "caizheng-ju"], ["f", "caizheng-ju"], ["g", "jianshe-ju"]] as const) {
      await ok(act("intake", name, "/decide", { decision: "accept" }));
      await ok(act("intake", name, "/assign", { department }));
    }
    await ok(act("finance", "e", "/draft", { outcome: "substantiated", answer: "经核查，反映属实，已责令学校退还补课费。" }));
    await ok(act("intake", "f", "/extend", { days: 20, notice: "需要调取学校的财务账目。" }));
    await ok(act("intake", "c", "/request-information", { message: "请补充班级和日期。" }));
    expect((await postJson(env.app, "/api/complaints/track/information", { ...refs.c, text: "七年级二班，8月18日。" })).status).toBe(200);
    await file("d", "2026-09-01", "学校要求统一购买校服。");
    clock.set("2026-09-01T08:00:00.000Z");
    await signInAll();
  }, 120_000);

  const countsOf = async (who: keyof typeof users) => Object.fromEntries(((await ok(get(env.app, "/api/staff/complaints/counts", cookies[who]))) as Counts).counts.map((c) => [c.key, c.count]));

  it("counts each role's queues against the hand-built cases, and each count's filter lists exactly those cases", async () => {
    // c was paused for a day (asked 08-20, answered the same day: no whole day), so it is due 09-03.
    expect(await countsOf("intake")).toEqual({ new: 4, today: 1, soon: 2, overdue: 1, draft: 1, information: 1 });
    expect(await countsOf("supervisor")).toEqual({ today: 1, soon: 2, overdue: 1, extension: 1 });
    expect(await countsOf("finance")).toEqual({ new: 1, today: 0, soon: 0, overdue: 0 });
    expect(await countsOf("building")).toEqual({ new: 1, today: 0, soon: 0, overdue: 0 });
    const { counts } = (await ok(get(env.app, "/api/staff/complaints/counts", cookies.intake))) as Counts;
    for (const c of counts) {
      const listed = await ok(get(env.app, `/api/staff/complaints?${new URLSearchParams(c.filter)}`, cookies.intake));
      expect(listed.total, c.key).toBe(c.count);
    }
    const overdue = await ok(get(env.app, "/api/staff/complaints?due=overdue", cookies.intake));
    expect(overdue.complaints.map((c: { id: string }) => c.id)).toEqual([ids.a]);
    const soon = await ok(get(env.app, "/api/staff/complaints?due=soon", cookies.intake));
    expect(soon.complaints.map((c: { id: string }) => c.id)).toEqual([ids.b, ids.c]);
  });

  it("finds cases by words and by reference only within the asker's scope", async () => {
    const search = async (who: keyof typeof users, q: string) =>
      ((await ok(get(env.app, `/api/staff/complaints?${new URLSearchParams({ q })}`, cookies[who]))).complaints as { id: string }[]).map((c) => c.id).sort();
    expect(await search("intake", "补课费")).toEqual([ids.e]);
    expect(await search("intake", "收费")).toEqual([ids.f].sort()); // two characters: read off the rows
    expect(await search("intake", "学校")).toEqual([ids.a, ids.b, ids.d, ids.e, ids.f].sort()); // e's draft answer names the school
    expect(await search("finance", "补课费")).toEqual([ids.e]);
    // The building bureau's liaison never finds the finance bureau's case, by words or by reference.
    expect(await search("building", "补课费")).toEqual([]);
    expect(await search("building", refs.e!.reference)).toEqual([]);
    expect(await search("building", "外墙脱落")).toEqual([ids.g]);
    expect(await search("intake", refs.g!.reference.toLowerCase())).toEqual([ids.g]);
    // References go past 99,999 in a year (formatReference writes every digit): six digits are a reference too.
    await tempDb().db.update(complaints).set({ reference: "TS2026-123456" }).where(eq(complaints.id, ids.g!));
    expect(await search("intake", "TS2026-123456")).toEqual([ids.g]);
    await tempDb().db.update(complaints).set({ reference: refs.g!.reference }).where(eq(complaints.id, ids.g!));
    // The draft answer is staff-visible text too, and FTS follows its changes.
    expect(await search("intake", "退还补课")).toEqual([ids.e]);
    await ok(act("intake", "e", "/return-draft", { reason: "请补充依据。" }));
    expect(await search("intake", "退还补课")).toEqual([]);
    // FTS5 syntax in a search is taken literally.
    expect(await search("intake", '"OR NEAR(*')).toEqual([]);
    // A common word walks the urgency index instead of the FTS5 matches (forced here: few cases
    // match): the same answers, held to the liaison's department the same way.
    const walked = async (who: keyof typeof users, q: string) => {
      const ctx = staffCtxOf(env.deps, users[who]);
      return (await listComplaints({ ctx: ctx as never, input: { q, walkFrom: 0 } })).complaints.map((c) => c.id).sort();
    };
    expect(await walked("intake", "补课费")).toEqual([ids.e]);
    expect(await walked("finance", "补课费")).toEqual([ids.e]);
    expect(await walked("building", "补课费")).toEqual([]);
    expect(await walked("building", "外墙脱落")).toEqual([ids.g]);
    expect(await walked("finance", "外墙脱落")).toEqual([]);
    expect(await walked("finance", "收费")).toEqual([ids.f]); // two characters: the capped walk, held the same way
    expect(await walked("building", "收费")).toEqual([]);
  });

  it("assigns checked cases to a staff member with one audit row per case, for 'assigned to me'", async () => {
    const body = { ids: [ids.e, ids.f], assignee: users.finance.id };
    expect((await post(env.app, "/api/staff/complaints/bulk-assign", body, cookies.finance)).status).toBe(403);
    expect(await ok(post(env.app, "/api/staff/complaints/bulk-assign", body, cookies.intake))).toEqual({ assigned: 2 });
    const rows = await tempDb().db.select().from(auditLog).where(and(eq(auditLog.action, "complaints.assign"), eq(auditLog.detail, `assignee:${users.finance.id}`))).all();
    expect(rows.map((r) => r.objectId).sort()).toEqual([refs.e!.reference, refs.f!.reference].sort());
    const mine = await ok(get(env.app, "/api/staff/complaints?mine=1", cookies.finance));
    expect(mine.complaints.map((c: { id: string }) => c.id).sort()).toEqual([ids.e, ids.f].sort());
    expect((await ok(get(env.app, "/api/staff/complaints?mine=1", cookies.intake))).total).toBe(0);
    // A liaison of another department cannot be given the finance bureau's cases; nothing changes.
    const wrong = await post(env.app, "/api/staff/complaints/bulk-assign", { ids: [ids.e, ids.g], assignee: users.building.id }, cookies.intake);
    expect(wrong.status).toBe(422);
    expect((await tempDb().db.select({ a: complaints.assignedTo }).from(complaints).where(eq(complaints.id, ids.g!)).get())!.a).toBeNull();
    expect((await post(env.app, "/api/staff/complaints/bulk-assign", { ids: [ids.e, "no-such-case"], assignee: null }, cookies.intake)).status).toBe(404);
    expect((await post(env.app, "/api/staff/complaints/bulk-assign", { ids: [ids.e, ids.e], assignee: null }, cookies.intake)).status).toBe(422);
    const assignees = await ok(get(env.app, "/api/staff/complaints/assignees", cookies.intake));
    expect(assignees.assignees.map((a: { id: string }) => a.id).sort()).toEqual(Object.values(users).map((u) => u.id).sort());
  });

  it("gives a case's previous and next case within the queue the link carried, and 404 outside the asker's scope", async () => {
    const queue = (await ok(get(env.app, "/api/staff/complaints?status=submitted", cookies.intake))).complaints.map((c: { id: string }) => c.id);
    expect(queue).toEqual([ids.a, ids.b, ids.c, ids.d]);
    const around = (who: keyof typeof users, name: string, query = "status=submitted") => get(env.app, `/api/staff/complaints/${ids[name]}/neighbours?${query}`, cookies[who]);
    // The two ids (`at`, the case's place, is tested in queue-neighbours-after-action.test.ts).
    const pair = async (res: Response | Promise<Response>) => {
      const { previous, next } = (await ok(res)) as { previous: string | null; next: string | null };
      return { previous, next };
    };
    expect(await pair(around("intake", "a"))).toEqual({ previous: null, next: ids.b });
    expect(await pair(around("intake", "c"))).toEqual({ previous: ids.b, next: ids.d });
    expect(await pair(around("intake", "d"))).toEqual({ previous: ids.c, next: null });
    const own = (await ok(get(env.app, "/api/staff/complaints", cookies.finance))).complaints.map((c: { id: string }) => c.id);
    expect(own.sort()).toEqual([ids.e, ids.f].sort());
    expect(await pair(around("finance", "e", ""))).toEqual(own[0] === ids.e ? { previous: null, next: ids.f } : { previous: ids.f, next: null });
    expect((await around("building", "e", "")).status).toBe(404);
    expect((await around("intake", "a", "due=later")).status).toBe(422);
  });
});
