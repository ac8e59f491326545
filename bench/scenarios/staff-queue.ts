/**
 * Staff queue: p95 ms for a filtered page of 50 of the complaint queue over 1,000,000
 * complaints (issue 8's size; 20,000 in quick mode), against the same query without
 * filters, in the same run. The database is a fresh file migrated with the project's
 * migrations and filled inside SQLite (bench/fixtures/complaint-queue-seed); the requests go
 * to the real Node entry in a child process, signed in as real staff, through
 * `GET /api/staff/complaints`, so the figures include the session check, the audit row,
 * the count, the page and the clocks, as the console pays them. Several filter shapes are
 * reported, each against the unfiltered queue; the headline is the triage status filter.
 * Checks afterwards: each shape's pages hold only matching rows, are 50 long (or the
 * remainder), are in queue order, and the total equals a plain SQL COUNT of the filter.
 */
import { createClient, type Client } from "@libsql/client";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { systemClock } from "../../functions/deps";
import { fieldKeysOf } from "../../functions/platform/field-crypto";
import { checkKeys } from "../../functions/services/keys/check-keys";
import { COMPLAINT_CATEGORIES } from "../../src/domain/complaint/categories";
import { QUEUE_PAGE_SIZE } from "../../src/domain/complaint/schemas";
import type { ComplaintStatus } from "../../src/domain/complaint/states";
import { shanghaiDate } from "../../src/domain/complaint/time";
import type { Department } from "../../src/domain/staff/departments";
import { seedComplaintQueue } from "../fixtures/complaint-queue-seed";
import { startNodeEntry } from "../harness/node-server";
import { insertBenchStaff, signIn } from "../fixtures/queue-staff";
import { percentile } from "../harness/stats";
import { costRatio, type Check, type Row, type Scenario } from "../harness/types";

type Filter = { status?: ComplaintStatus; category?: string; department?: Department };
type Who = "triage" | "liaison";
/** One request the benchmark makes: who asks, with which filter, for which page. */
type Ask = { who: Who; filter: Filter; page: number };
type Shape = { label: string; asks(sample: number): Ask };

type Summary = { id: string; reference: string; status: string; category: string; department: string | null; receivedOn: string };
type PageBody = { complaints: Summary[]; total: number; page: number; pages: number };

const LIAISON_DEPARTMENT: Department = "caizheng-ju";

/** A small deterministic generator (mulberry32), so every run asks for the same pages. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function whereOf(who: Who, f: Filter): { sql: string; args: string[] } {
  const parts: string[] = [];
  const args: string[] = [];
  for (const [column, value] of [["status", f.status], ["category", f.category], ["department", f.department]] as const) {
    if (value) {
      parts.push(`${column} = ?`);
      args.push(value);
    }
  }
  if (who === "liaison") {
    parts.push("department = ?");
    args.push(LIAISON_DEPARTMENT);
  }
  return { sql: parts.length ? `WHERE ${parts.join(" AND ")}` : "", args };
}

async function sqlCount(client: Client, who: Who, f: Filter): Promise<number> {
  const w = whereOf(who, f);
  const rs = await client.execute({ sql: `SELECT count(*) AS n FROM complaints ${w.sql}`, args: w.args });
  return Number(rs.rows[0]!.n);
}

const describeFilter = (who: Who, f: Filter) =>
  [who === "liaison" ? `liaison(${LIAISON_DEPARTMENT})` : "", ...Object.entries(f).map(([k, v]) => `${k}=${v}`)].filter(Boolean).join(", ") || "no filter";

export const staffQueue: Scenario = {
  id: "staff-queue",
  title: "Staff queue",
  async run({ quick, root, scratch, log }) {
    const n = quick ? 20_000 : 1_000_000;
    const samples = quick ? 30 : 200;
    const warmup = quick ? 3 : 20;
    /** A shape stops early past this many seconds (only a very slow query does), with at least 20 samples. */
    const budgetSeconds = quick ? 20 : 90;
    const dbFile = path.join(scratch, "queue.db");
    const secrets = { DATA_KEY: randomBytes(32).toString("base64"), INDEX_KEY: randomBytes(32).toString("base64"), AUTH_SECRET: randomBytes(32).toString("base64") };

    const client = createClient({ url: `file:${dbFile}` });
    const notes: string[] = [];
    const db = createDb(client);
    await migrateDatabase(db);
    // Record the keys' fingerprints while the database is empty, as a first start would: the
    // seeded contacts are stand-ins, not values sealed with these keys.
    const sources = { data: "bench", index: "bench", auth: "bench" };
    await checkKeys({ ctx: { db, clock: systemClock }, input: { keys: fieldKeysOf(secrets), authSecret: secrets.AUTH_SECRET, sources, generated: false } });
    const seeded = await seedComplaintQueue(client, n, shanghaiDate(new Date()));
    log(`seeded ${n.toLocaleString("en-US")} complaints in ${seeded.seconds.toFixed(1)} s`);
    notes.push(`seeded ${n.toLocaleString("en-US")} complaints (INSERT … SELECT over a recursive CTE, one statement) in ${seeded.seconds.toFixed(1)} s`);
    const staff = {
      triage: await insertBenchStaff(db, secrets.AUTH_SECRET, "complaint_intake", null),
      liaison: await insertBenchStaff(db, secrets.AUTH_SECRET, "department_liaison", LIAISON_DEPARTMENT),
    };

    // Every SQL count the run needs is taken before the server starts: a pause of seconds
    // between two requests would let the server close the kept-alive connection under the
    // client's feet, and the checks then compare against figures taken before any request.
    const counts = new Map<string, number>();
    const countOf = (who: Who, f: Filter) => counts.get(describeFilter(who, f))!;
    const pagesOf = (who: Who, f: Filter) => Math.max(1, Math.ceil(countOf(who, f) / QUEUE_PAGE_SIZE));
    const statuses: ComplaintStatus[] = ["submitted", "accepted", "investigating", "answered", "under_review"];
    const deptStatus: Filter[] = (["jiaoyu-ju", "caizheng-ju", "jianshe-ju"] as const).flatMap((department) =>
      (["assigned", "investigating"] as const).map((status) => ({ department, status })),
    );
    const categories: Filter[] = COMPLAINT_CATEGORIES.map((category) => ({ category }));
    const probes: { who: Who; f: Filter }[] = [
      { who: "triage", f: {} },
      ...[...statuses, "closed" as const].map((status) => ({ who: "triage" as const, f: { status } })),
      ...deptStatus.map((f) => ({ who: "triage" as const, f })),
      ...categories.map((f) => ({ who: "triage" as const, f })),
      { who: "liaison", f: {} },
    ];
    for (const { who, f } of probes) counts.set(describeFilter(who, f), await sqlCount(client, who, f));

    const running = await startNodeEntry({ root, scratch, log, database: dbFile, env: secrets });
    try {
      const server = { ...running, cookies: { triage: await signIn(running.url, staff.triage), liaison: await signIn(running.url, staff.liaison) } };
      const ask = async (a: Ask): Promise<{ ms: number; status: number; body: PageBody | null }> => {
        const params = new URLSearchParams({ ...a.filter, ...(a.page > 1 ? { page: String(a.page) } : {}) } as Record<string, string>);
        const start = performance.now();
        const res = await fetch(`${server.url}/api/staff/complaints${params.size ? `?${params}` : ""}`, { headers: { Cookie: server.cookies[a.who] } }).catch((error: unknown) => {
          throw new Error(`GET /api/staff/complaints?${params} failed (${String(error)}); see the server's log ${server.logFile}`, { cause: error });
        });
        const body = res.ok ? ((await res.json()) as PageBody) : (await res.text(), null);
        return { ms: performance.now() - start, status: res.status, body };
      };

      // Pages are drawn from the first ten of each filter value (where staff work), never
      // past its end; the deep page is 90% of the way through the closed cases.
      const firstPages = (who: Who, filters: Filter[]) => filters.map((f) => ({ f, pages: Math.min(10, pagesOf(who, f)) }));
      const table = {
        all: firstPages("triage", [{}]),
        status: firstPages("triage", statuses.map((status) => ({ status }))),
        deptStatus: firstPages("triage", deptStatus),
        category: firstPages("triage", categories),
        liaison: firstPages("liaison", [{}]),
      };
      const closedPages = pagesOf("triage", { status: "closed" });
      const deepPage = Math.max(1, Math.floor(closedPages * 0.9));
      const cycling = (who: Who, list: { f: Filter; pages: number }[], seed: number): Shape["asks"] => {
        const rng = random(seed);
        return (i) => {
          const { f, pages: p } = list[i % list.length]!;
          return { who, filter: f, page: 1 + Math.floor(rng() * p) };
        };
      };
      const shapes: Record<string, Shape> = {
        all: { label: "no filter (pages 1–10)", asks: cycling("triage", table.all, 1) },
        status: { label: "status (pages 1–10; submitted, accepted, investigating, answered, under review)", asks: cycling("triage", table.status, 2) },
        deptStatus: { label: "department + status (3 departments × assigned/investigating)", asks: cycling("triage", table.deptStatus, 3) },
        category: { label: "category (each of 12)", asks: cycling("triage", table.category, 4) },
        liaison: { label: `liaison's own department (${LIAISON_DEPARTMENT}), no filter`, asks: cycling("liaison", table.liaison, 5) },
        deepFiltered: { label: `deep page: status=closed, page ${deepPage.toLocaleString("en-US")} of ${closedPages.toLocaleString("en-US")}`, asks: () => ({ who: "triage", filter: { status: "closed" }, page: deepPage }) },
        deepAll: { label: `deep page: no filter, page ${deepPage.toLocaleString("en-US")}`, asks: () => ({ who: "triage", filter: {}, page: deepPage }) },
      };

      const measured: Record<string, { p50: number; p95: number; count: number }> = {};
      const failures: string[] = [];
      for (const [key, shape] of Object.entries(shapes)) {
        for (let i = 0; i < warmup; i++) await ask(shape.asks(i));
        const times: number[] = [];
        const started = performance.now();
        for (let i = 0; i < samples; i++) {
          const r = await ask(shape.asks(i));
          if (r.status !== 200) failures.push(`${shape.label}: HTTP ${r.status}`);
          times.push(r.ms);
          if (times.length >= 20 && performance.now() - started > budgetSeconds * 1000) break;
        }
        measured[key] = { p50: percentile(times, 50), p95: percentile(times, 95), count: times.length };
        log(`${shape.label}: p50 ${measured[key]!.p50.toFixed(1)} ms, p95 ${measured[key]!.p95.toFixed(1)} ms (${times.length} requests)`);
      }

      const base = measured.all!;
      const against = { label: `the same query without filters, p95 (${base.count} requests)`, value: { value: base.p95, unit: "ms" } };
      const rowOf = (key: string, prefix: string, baseline = base, label = against.label): Row => ({
        measure: `${prefix}${shapes[key]!.label}, p95 (p50 ${measured[key]!.p50.toFixed(1)} ms, ${measured[key]!.count} requests)`,
        value: { value: measured[key]!.p95, unit: "ms" },
        against: { label, value: { value: baseline.p95, unit: "ms" } },
        ratio: costRatio(measured[key]!.p95, baseline.p95),
      });
      const rows: Row[] = [
        rowOf("status", "filtered page of 50 over " + n.toLocaleString("en-US") + " complaints — "),
        rowOf("deptStatus", "filtered page of 50 — "),
        rowOf("category", "filtered page of 50 — "),
        rowOf("liaison", "department-scoped page of 50 — "),
        rowOf("deepFiltered", "", measured.deepAll!, `${shapes.deepAll!.label}, p95 ${measured.deepAll!.p95.toFixed(1)} ms`),
        { measure: `unfiltered page of 50, ${shapes.all!.label}, p95 (p50 ${base.p50.toFixed(1)} ms)`, value: { value: base.p95, unit: "ms" } },
      ];

      // Correctness, after the measurement: first and last page of every filter value used.
      const checks: Check[] = [{ label: "every measured request answered 200", ok: failures.length === 0, detail: failures.slice(0, 3).join("; ") || "all 200" }];
      const problems: string[] = [];
      for (const { who, f } of probes) {
        const expected = countOf(who, f);
        const last = Math.max(1, Math.ceil(expected / QUEUE_PAGE_SIZE));
        for (const page of new Set([1, last])) {
          const { body } = await ask({ who, filter: f, page });
          const name = `${describeFilter(who, f)} page ${page}`;
          if (!body) {
            problems.push(`${name}: no page`);
            continue;
          }
          const wantLength = Math.min(QUEUE_PAGE_SIZE, expected - (page - 1) * QUEUE_PAGE_SIZE);
          if (body.total !== expected) problems.push(`${name}: total ${body.total}, SQL COUNT ${expected}`);
          if (body.complaints.length !== wantLength) problems.push(`${name}: ${body.complaints.length} rows, expected ${wantLength}`);
          const wrong = body.complaints.filter(
            (c) =>
              (f.status && c.status !== f.status) ||
              (f.category && c.category !== f.category) ||
              (f.department && c.department !== f.department) ||
              (who === "liaison" && c.department !== LIAISON_DEPARTMENT),
          );
          if (wrong.length) problems.push(`${name}: ${wrong.length} rows outside the filter`);
          if (body.complaints.some((c, i, all) => i > 0 && c.receivedOn < all[i - 1]!.receivedOn)) problems.push(`${name}: not oldest first`);
        }
      }
      checks.push({
        label: "filtered pages hold only matching rows, 50 (or the remainder), oldest first, with total = SQL COUNT",
        ok: problems.length === 0,
        detail: problems.slice(0, 3).join("; ") || `${probes.length} filters, first and last page each`,
      });
      notes.push("filer identities are a fixed sealed placeholder: the queue never opens them (only the audited reveal does)");
      return { rows, checks, notes };
    } finally {
      await running.stop();
      client.close();
    }
  },
};
