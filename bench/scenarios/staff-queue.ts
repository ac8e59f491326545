/**
 * Staff queue: p95 ms of every kind of page of the complaint queue (issue 19) over 1,000,000
 * complaints (20,000 in quick mode; BENCH_QUEUE_ROWS sets any size), each against the
 * unfiltered first page, in the same run. The database is a fresh file migrated with the
 * project's migrations and filled inside SQLite (bench/fixtures/complaint-queue-seed); the
 * requests go to the real Node entry in a child process, signed in as real staff, through
 * `GET /api/staff/complaints`, so the figures include the session check, the audit row, the
 * count, the page and the clocks, as the console pays them. Shapes: the default order's first
 * ten pages, each filter (due date, status, department + status, category, school, a liaison's
 * own department), wide filters (closed, one department: most of the queue), what waits on
 * staff, searches (a reference, a rare phrase through FTS5, words in most cases walked off the
 * urgency index, two characters common and absent), and deep
 * keyset pages (90% of the way through the whole queue and through the closed cases), reached
 * by a cursor computed beforehand as the console would have received it. Checks afterwards:
 * each shape's first and deep pages hold only matching rows, 50 (or the remainder), most
 * urgent first, with the total equal to a plain SQL COUNT (COUNT_CAP and "at least" past it).
 */
import { createClient, type Client } from "@libsql/client";
import path from "node:path";
import { createDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { systemClock } from "../../functions/deps";
import { fieldKeysOf } from "../../functions/platform/field-crypto";
import { checkKeys } from "../../functions/services/keys/check-keys";
import { WALK_EXAMINED, WALK_FROM } from "../../functions/services/complaint/internal/word-search";
import { COMPLAINT_CATEGORIES } from "../../src/domain/complaint/categories";
import { QUEUE_PAGE_SIZE } from "../../src/domain/complaint/schemas";
import type { ComplaintStatus } from "../../src/domain/complaint/states";
import { addDays, shanghaiDate } from "../../src/domain/complaint/time";
import type { Department } from "../../src/domain/staff/departments";
import { COUNT_CAP } from "../../src/domain/staff/queue-count";
import { encodeCursor } from "../../src/domain/staff/queue-cursor";
import { seedComplaintQueue } from "../fixtures/complaint-queue-seed";
import { startNodeEntry } from "../harness/node-server";
import { insertBenchStaff, signIn } from "../fixtures/queue-staff";
import { benchSecrets, FIRST_TEN, measureShapes, random, ratioRows, shapeRun, type Shape as QueueShape } from "../harness/queue-pages";
import type { Check, Scenario } from "../harness/types";

type Filter = { status?: ComplaintStatus; category?: string; department?: Department; school?: string; due?: "overdue" | "today" | "soon"; waiting?: "draft" | "extension" | "information"; q?: string };
type Who = "triage" | "liaison";
/** One request the benchmark makes: who asks, with which filter, from which cursor (null: the first page). */
type Ask = { who: Who; filter: Filter; after: string | null };
type Shape = QueueShape<Ask>;
/** A filter and the cursors of its first pages (index 0 is the first page: no cursor). */
type Probe = { who: Who; f: Filter; cursors: (string | null)[]; total: number; shown?: { total: number; atLeast: boolean } };

type Summary = { id: string; reference: string; status: string; category: string; department: string | null; school: string; dueOn: string | null };
type PageBody = { complaints: Summary[]; total: number; atLeast: boolean; next: string | null };

const LIAISON_DEPARTMENT: Department = "caizheng-ju";

/** The filter in plain SQL, written here apart from the service: due dates against today's date. */
function whereOf(who: Who, f: Filter, today: string): { sql: string; args: string[] } {
  const parts: string[] = [];
  const args: string[] = [];
  for (const [column, value] of [["status", f.status], ["category", f.category], ["department", f.department], ["school", f.school]] as const) {
    if (value) {
      parts.push(`${column} = ?`);
      args.push(value);
    }
  }
  if (f.due === "overdue") parts.push(`clock_state = 'running' AND due_on < '${today}'`);
  if (f.due === "today") parts.push(`clock_state = 'running' AND due_on = '${today}'`);
  if (f.due === "soon") parts.push(`clock_state = 'running' AND due_on BETWEEN '${today}' AND '${addDays(today, 3)}'`);
  if (f.waiting === "draft") parts.push("status = 'investigating' AND draft_answer IS NOT NULL");
  if (f.waiting === "extension") parts.push("pending_extension_days > 0");
  if (f.waiting === "information") parts.push("information_received_at IS NOT NULL");
  if (f.q?.startsWith("TS")) {
    parts.push("reference = ?");
    args.push(f.q);
  } else if (f.q) {
    // The search's rule: every space-separated word of three characters or more (trigrams).
    const words = f.q.split(/\s+/).filter((word) => [...word].length >= 3);
    for (const word of words.length ? words : [f.q.split(/\s+/)[0]!]) {
      parts.push("instr(what_happened, ?) > 0");
      args.push(word);
    }
  }
  if (who === "liaison") {
    parts.push("department = ?");
    args.push(LIAISON_DEPARTMENT);
  }
  return { sql: parts.length ? `WHERE ${parts.join(" AND ")}` : "", args };
}

/** The words a search looks for (word-search.ts): every word of three characters or more, or else the first. */
const wordsOf = (q: string) => {
  const long = q.split(/\s+/).filter((w) => [...w].length >= 3);
  return long.length ? long : [q.split(/\s+/)[0]!];
};

/**
 * Whether the queue answers `q` by a capped walk (word-walk.ts): words below three characters,
 * or words in more than WALK_FROM cases of the whole queue (FTS5 answers the rest).
 */
async function isWalked(client: Client, q: string | undefined): Promise<boolean> {
  if (q === undefined || q.startsWith("TS")) return false;
  const words = wordsOf(q);
  if ([...words[0]!].length < 3) return true;
  const all = whereOf("triage", { q }, "");
  return Number((await client.execute({ sql: `SELECT count(*) AS n FROM (SELECT 1 FROM complaints ${all.sql} LIMIT ${WALK_FROM + 1})`, args: all.args })).rows[0]!.n) > WALK_FROM;
}

/** A walked search's total: the matches among the first WALK_EXAMINED cases of the filter, "at least" when there are more cases. */
async function walkedTotal(client: Client, who: Who, f: Filter, today: string): Promise<{ total: number; atLeast: boolean }> {
  const base = whereOf(who, { ...f, q: undefined }, today);
  const words = wordsOf(f.q!);
  const examined = `SELECT what_happened FROM complaints ${base.sql} ORDER BY urgency, id LIMIT ${WALK_EXAMINED}`;
  const found = Number((await client.execute({ sql: `SELECT count(*) AS n FROM (${examined}) WHERE ${words.map(() => "instr(what_happened, ?) > 0").join(" AND ")}`, args: [...base.args, ...words] })).rows[0]!.n);
  const more = (await client.execute({ sql: `SELECT 1 FROM complaints ${base.sql} LIMIT 1 OFFSET ${WALK_EXAMINED}`, args: base.args })).rows.length > 0;
  return { total: found, atLeast: more };
}

/** The filter's total, and the cursor that opens each wanted page (the key of the row before it). */
async function probe(client: Client, who: Who, f: Filter, today: string, pages: number[]): Promise<Probe> {
  const w = whereOf(who, f, today);
  const total = Number((await client.execute({ sql: `SELECT count(*) AS n FROM complaints ${w.sql}`, args: w.args })).rows[0]!.n);
  // A walked search's total is of the first cases examined (its pages are not).
  const shown = (await isWalked(client, f.q)) ? await walkedTotal(client, who, f, today) : null;
  const cursors: (string | null)[] = [];
  for (const page of pages) {
    if (page === 1) {
      cursors.push(null);
      continue;
    }
    if ((page - 1) * QUEUE_PAGE_SIZE >= total) continue;
    const rs = await client.execute({ sql: `SELECT urgency, id FROM complaints ${w.sql} ORDER BY urgency, id LIMIT 1 OFFSET ?`, args: [...w.args, String((page - 1) * QUEUE_PAGE_SIZE - 1)] });
    const r = rs.rows[0]!;
    cursors.push(encodeCursor([String(r.urgency), String(r.id)]));
  }
  return { who, f, cursors, total, ...(shown ? { shown } : {}) };
}

const describeFilter = (who: Who, f: Filter) =>
  [who === "liaison" ? `liaison(${LIAISON_DEPARTMENT})` : "", ...Object.entries(f).map(([k, v]) => `${k}=${v}`)].filter(Boolean).join(", ") || "no filter";

export const staffQueue: Scenario = {
  id: "staff-queue",
  title: "Staff queue",
  async run({ quick, root, scratch, log }) {
    const n = Number(process.env.BENCH_QUEUE_ROWS ?? 0) || (quick ? 20_000 : 1_000_000);
    const dbFile = path.join(scratch, "queue.db");
    const secrets = benchSecrets();

    const client = createClient({ url: `file:${dbFile}` });
    const notes: string[] = [];
    const db = createDb(client);
    await migrateDatabase(db);
    // Record the keys' fingerprints while the database is empty, as a first start would: the
    // seeded contacts are stand-ins, not values sealed with these keys.
    const sources = { data: "bench", index: "bench", auth: "bench" };
    await checkKeys({ ctx: { db, clock: systemClock }, input: { keys: fieldKeysOf(secrets), authSecret: secrets.AUTH_SECRET, sources, generated: false } });
    const today = shanghaiDate(new Date());
    const seeded = await seedComplaintQueue(client, n, today);
    log(`seeded ${n.toLocaleString("en-US")} complaints in ${seeded.seconds.toFixed(1)} s`);
    notes.push(`seeded ${n.toLocaleString("en-US")} complaints (INSERT … SELECT over a recursive CTE, one statement, FTS5 index kept by its triggers) in ${seeded.seconds.toFixed(1)} s`);
    const staff = {
      triage: await insertBenchStaff(db, secrets.AUTH_SECRET, "complaint_intake", null),
      liaison: await insertBenchStaff(db, secrets.AUTH_SECRET, "department_liaison", LIAISON_DEPARTMENT),
    };

    // Every SQL figure the run needs (totals, the cursors of pages 2–10 and of the deep pages)
    // is taken before the server starts: a pause of seconds between two requests would let the
    // server close the kept-alive connection under the client's feet.
    const statuses: ComplaintStatus[] = ["submitted", "accepted", "investigating", "answered", "under_review"];
    const deptStatus: Filter[] = (["jiaoyu-ju", "caizheng-ju", "jianshe-ju"] as const).flatMap((department) =>
      (["assigned", "investigating"] as const).map((status) => ({ department, status })),
    );
    const schools = (await client.execute("SELECT school FROM complaints WHERE school <> 'none' GROUP BY school ORDER BY count(*) DESC LIMIT 3")).rows.map((r) => String(r.school));
    const middle = String((await client.execute({ sql: "SELECT reference FROM complaints ORDER BY rowid LIMIT 1 OFFSET ?", args: [Math.floor(n / 2)] })).rows[0]!.reference);
    const rarePhrase = `第 ${Math.floor(n / 3) + 1} 件`;
    /** In every seeded case's text, and in a fifth of them (the fees category's name): words that match many cases, answered by a walk of the urgency index. */
    const commonWord = "不符合规定";
    const categoryWord = "违规收费";
    /** Two characters: in a fifth of the cases, and in none (the capped walk's worst case: it examines its WALK_EXAMINED cases and stops). */
    const shortWords = ["收费", "校服"];
    const probesOf = async (who: Who, filters: Filter[], pages = FIRST_TEN) => Promise.all(filters.map((f) => probe(client, who, f, today, pages)));
    const all = (await probesOf("triage", [{}]))[0]!;
    const closedTotal = (await probe(client, "triage", { status: "closed" }, today, [1])).total;
    const deepAllPage = Math.max(1, Math.floor((all.total / QUEUE_PAGE_SIZE) * 0.9));
    const deepClosedPage = Math.max(1, Math.floor((closedTotal / QUEUE_PAGE_SIZE) * 0.9));
    const table = {
      all: [all],
      due: await probesOf("triage", [{ due: "overdue" }, { due: "today" }, { due: "soon" }]),
      status: await probesOf("triage", statuses.map((status) => ({ status }))),
      deptStatus: await probesOf("triage", deptStatus),
      category: await probesOf("triage", COMPLAINT_CATEGORIES.map((category) => ({ category }))),
      school: await probesOf("triage", schools.map((school) => ({ school }))),
      liaison: await probesOf("liaison", [{}, { due: "overdue" }]),
      search: await probesOf("triage", [{ q: middle }, { q: rarePhrase }], [1]),
      // Wide filters: most of the queue (closed, one department), where an exact count was the cost.
      wide: await probesOf("triage", [{ status: "closed" }, { department: "jiaoyu-ju" }, { status: "not_accepted" }]),
      // What waits on staff: a handful of cases (none in the seed, the worst case for a walk).
      waiting: await probesOf("triage", [{ waiting: "draft" }, { waiting: "extension" }, { waiting: "information" }], [1]),
      commonWords: [...(await probesOf("triage", [{ q: commonWord }, { q: categoryWord }, { q: commonWord, status: "closed" }])), ...(await probesOf("liaison", [{ q: categoryWord }]))],
      shortWords: await probesOf("triage", shortWords.map((q) => ({ q })), [1]),
      deepAll: await probesOf("triage", [{}], [deepAllPage]),
      deepClosed: await probesOf("triage", [{ status: "closed" }], [deepClosedPage]),
    };

    const running = await startNodeEntry({ root, scratch, log, database: dbFile, env: secrets });
    try {
      const server = { ...running, cookies: { triage: await signIn(running.url, staff.triage), liaison: await signIn(running.url, staff.liaison) } };
      const ask = async (a: Ask): Promise<{ ms: number; status: number; body: PageBody | null }> => {
        const params = new URLSearchParams({ ...a.filter, ...(a.after ? { after: a.after } : {}) } as Record<string, string>);
        const start = performance.now();
        const res = await fetch(`${server.url}/api/staff/complaints${params.size ? `?${params}` : ""}`, { headers: { Cookie: server.cookies[a.who] } }).catch((error: unknown) => {
          throw new Error(`GET /api/staff/complaints?${params} failed (${String(error)}); see the server's log ${server.logFile}`, { cause: error });
        });
        const body = res.ok ? ((await res.json()) as PageBody) : (await res.text(), null);
        return { ms: performance.now() - start, status: res.status, body };
      };

      /** Filter values in turn, a page drawn at random from each one's measured pages. */
      const cycling = (list: Probe[], seed: number): Shape["asks"] => {
        const rng = random(seed);
        return (i) => {
          const p = list[i % list.length]!;
          return { who: p.who, filter: p.f, after: p.cursors[Math.floor(rng() * p.cursors.length)] ?? null };
        };
      };
      const shapes: Record<string, Shape> = {
        first: { label: "first page, no filter (the baseline)", asks: () => ({ who: "triage", filter: {}, after: null }) },
        all: { label: "default order, no filter, pages 1–10", asks: cycling(table.all, 1) },
        due: { label: "due filter (overdue, today, within 3 days), pages 1–10", asks: cycling(table.due, 2) },
        status: { label: "status (submitted, accepted, investigating, answered, under review), pages 1–10", asks: cycling(table.status, 3) },
        deptStatus: { label: "department + status (3 departments × assigned/investigating), pages 1–10", asks: cycling(table.deptStatus, 4) },
        category: { label: "category (each of 12), pages 1–10", asks: cycling(table.category, 5) },
        school: { label: "school (the 3 busiest), pages 1–10", asks: cycling(table.school, 6) },
        liaison: { label: `liaison's own department (${LIAISON_DEPARTMENT}), unfiltered and overdue, pages 1–10`, asks: cycling(table.liaison, 7) },
        search: { label: `search: a reference, and a rare phrase through FTS5 (“${rarePhrase}”)`, asks: cycling(table.search, 8) },
        wide: { label: "wide filters (status=closed, department=jiaoyu-ju, status=not_accepted), pages 1–10", asks: cycling(table.wide, 11) },
        closedFirst: { label: "first page, status=closed", asks: () => ({ who: "triage", filter: { status: "closed" }, after: null }) },
        waiting: { label: "waiting on staff (draft, extension, information), first page", asks: cycling(table.waiting, 12) },
        commonWords: { label: `search: words in most cases (“${commonWord}” alone and with status=closed, “${categoryWord}” for staff and a liaison), pages 1–10`, asks: cycling(table.commonWords, 13) },
        shortWords: { label: `search: two characters, common (“${shortWords[0]}”) and in no case (“${shortWords[1]}”, ${WALK_EXAMINED.toLocaleString("en-US")} cases examined), first page`, asks: cycling(table.shortWords, 14) },
        deepAll: { label: `deep keyset page, no filter, page ${deepAllPage.toLocaleString("en-US")} of ${Math.ceil(all.total / QUEUE_PAGE_SIZE).toLocaleString("en-US")}`, asks: cycling(table.deepAll, 9) },
        deepClosed: { label: `deep keyset page, status=closed, page ${deepClosedPage.toLocaleString("en-US")} of ${Math.ceil(closedTotal / QUEUE_PAGE_SIZE).toLocaleString("en-US")}`, asks: cycling(table.deepClosed, 10) },
      };

      const { measured, failures } = await measureShapes(shapes, ask, shapeRun(quick, log));
      const rows = ratioRows(shapes, measured, `page of 50 over ${n.toLocaleString("en-US")} complaints, most urgent first`);

      // Correctness, after the measurement: the first and the last measured page of every probe.
      const checks: Check[] = [{ label: "every measured request answered 200", ok: failures.length === 0, detail: failures.slice(0, 3).join("; ") || "all 200" }];
      const problems: string[] = [];
      const probes = Object.values(table).flat();
      for (const p of probes) {
        for (const [k, after] of [...new Set([p.cursors[0], p.cursors.at(-1)])].entries()) {
          const { body } = await ask({ who: p.who, filter: p.f, after: after ?? null });
          const name = `${describeFilter(p.who, p.f)} ${k === 0 ? "first" : "last"} measured page`;
          if (!body) {
            problems.push(`${name}: no page`);
            continue;
          }
          const shown = p.shown ?? { total: Math.min(p.total, COUNT_CAP), atLeast: p.total > COUNT_CAP };
          if (body.total !== shown.total || body.atLeast !== shown.atLeast) problems.push(`${name}: total ${body.total}${body.atLeast ? "+" : ""}, SQL COUNT ${p.total}`);
          const page = after === null ? 1 : p.cursors.length > 1 ? p.cursors.length : 0;
          if (page > 0) {
            const wantLength = Math.max(0, Math.min(QUEUE_PAGE_SIZE, p.total - (page - 1) * QUEUE_PAGE_SIZE));
            if (body.complaints.length !== wantLength) problems.push(`${name}: ${body.complaints.length} rows, expected ${wantLength}`);
          }
          const f = p.f;
          const wrong = body.complaints.filter(
            (c) =>
              (f.status && c.status !== f.status) ||
              (f.category && c.category !== f.category) ||
              (f.department && c.department !== f.department) ||
              (f.school && c.school !== f.school) ||
              (f.due === "overdue" && !(c.dueOn !== null && c.dueOn < today)) ||
              (f.q?.startsWith("TS") && c.reference !== f.q) ||
              (p.who === "liaison" && c.department !== LIAISON_DEPARTMENT),
          );
          if (wrong.length) problems.push(`${name}: ${wrong.length} rows outside the filter`);
          // Most urgent first: due dates ascending, cases without one last.
          const order = body.complaints.map((c) => c.dueOn ?? "9999-12-31");
          if (order.some((d, i) => i > 0 && d < order[i - 1]!)) problems.push(`${name}: not most urgent first`);
        }
      }
      checks.push({
        label: `pages hold only matching rows, 50 (or the remainder), most urgent first, with total = SQL COUNT (or ${COUNT_CAP.toLocaleString("en-US")} and more past it; a walked search: of its first ${WALK_EXAMINED.toLocaleString("en-US")} cases)`,
        ok: problems.length === 0,
        detail: problems.slice(0, 3).join("; ") || `${probes.length} filters, first and last measured page each`,
      });
      notes.push("filer identities are a fixed sealed placeholder: the queue never opens them (only the audited reveal does)");
      notes.push("deep pages are reached by the cursor of the row before them (computed in SQL before the run), as the console's 下一页 carries it");
      return { rows, checks, notes };
    } finally {
      await running.stop();
      client.close();
    }
  },
};
