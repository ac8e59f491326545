/**
 * Application queue: p95 ms of every kind of page of the enrolment review queue (issue 19) over
 * 100,000 applications of one intake (10,000 in quick mode; BENCH_APPLICATION_ROWS sets any
 * size), each against the unfiltered first page of the same run. The database is a fresh file
 * migrated with the project's migrations and filled by bench/fixtures/application-queue-seed
 * (sealed with the server's keys, since the list opens each shown child's name); the requests go
 * to the real Node entry in a child process, signed in as an enrolment officer, through
 * `GET /api/staff/applications`, so the figures include the session check, the count, the page,
 * opening 25 names and the audit row. Shapes: the default order's first ten pages and a deep
 * page (90% of the way), each filter (state, grade, school, documents to review) on its first
 * ten pages, and a reference search. Checks afterwards: each probe's first and last measured
 * page holds only matching rows, 25 (or the remainder), with the total equal to a plain SQL
 * COUNT (COUNT_CAP and "at least" past it).
 */
import { createClient } from "@libsql/client";
import path from "node:path";
import { createDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { systemClock } from "../../functions/deps";
import { fieldKeysOf } from "../../functions/platform/field-crypto";
import { fileCatalogueSource } from "../../functions/platform/file-catalogue";
import { checkKeys } from "../../functions/services/keys/check-keys";
import { contentRoot } from "../../src/content-data/district";
import { PAGE_SIZE } from "../../src/domain/enrolment/staff-schemas";
import type { ApplicationState } from "../../src/domain/enrolment/states";
import { GRADE_LABELS } from "../../src/domain/enrolment/vocabulary";
import { COUNT_CAP } from "../../src/domain/staff/queue-count";
import { encodeCursor } from "../../src/domain/staff/queue-cursor";
import { seedApplicationQueue } from "../fixtures/application-queue-seed";
import { insertBenchStaff, signIn } from "../fixtures/queue-staff";
import { startNodeEntry } from "../harness/node-server";
import { benchSecrets, FIRST_TEN, measureShapes, random, ratioRows, shapeRun, type Shape } from "../harness/queue-pages";
import type { Check, Scenario } from "../harness/types";

type Filter = { state?: ApplicationState; grade?: "1" | "7"; school?: string; documents?: "pending"; q?: string };
type Ask = { filter: Filter; after: string | null };
type Probe = { f: Filter; cursors: (string | null)[]; total: number };
type Item = { reference: string; state: string; grade: string };
type PageBody = { items: Item[]; total: number; atLeast: boolean; next: string | null };

/** The review key, as db/schema/enrolment's REVIEW_KEY: what waits for a reviewer first, then submission time. */
const KEY = "(CASE WHEN state = 'submitted' OR state = 'under_review' THEN '0:' ELSE '1:' END || submitted_at)";

/** The filter in plain SQL, written here apart from the service. */
function whereOf(intake: string, f: Filter): { sql: string; args: string[] } {
  const parts = ["intake_id = ?", "state <> 'draft'"];
  const args = [intake];
  for (const [column, value] of [["state", f.state], ["grade", f.grade], ["reference", f.q]] as const) {
    if (value) {
      parts.push(`${column} = ?`);
      args.push(value);
    }
  }
  if (f.school) {
    parts.push("(offer_section = ? OR ? IN (SELECT value FROM json_each(preferences)))");
    args.push(f.school, f.school);
  }
  if (f.documents) parts.push("id IN (SELECT application_id FROM application_documents WHERE review = 'pending')");
  return { sql: `WHERE ${parts.join(" AND ")}`, args };
}

export const applicationQueue: Scenario = {
  id: "application-queue",
  title: "Application queue",
  async run({ quick, root, scratch, log }) {
    const n = Number(process.env.BENCH_APPLICATION_ROWS ?? 0) || (quick ? 10_000 : 100_000);
    const dbFile = path.join(scratch, "applications.db");
    const secrets = benchSecrets();
    const client = createClient({ url: `file:${dbFile}` });
    const db = createDb(client);
    await migrateDatabase(db);
    const keys = fieldKeysOf(secrets);
    await checkKeys({ ctx: { db, clock: systemClock }, input: { keys, authSecret: secrets.AUTH_SECRET, sources: { data: "bench", index: "bench", auth: "bench" }, generated: false } });
    const catalogue = await fileCatalogueSource(contentRoot()).current();
    const intake = catalogue.intake.id;
    const seeded = await seedApplicationQueue(client, n, { keys, catalogue, now: new Date() });
    log(`seeded ${n.toLocaleString("en-US")} applications in ${seeded.seconds.toFixed(1)} s`);
    const notes = [`seeded ${n.toLocaleString("en-US")} applications (sealed by sealApplication, then one INSERT … SELECT per 10,000) in ${seeded.seconds.toFixed(1)} s`];
    const officer = await insertBenchStaff(db, secrets.AUTH_SECRET, "enrolment_officer", null);

    const probe = async (f: Filter, pages: number[]): Promise<Probe> => {
      const w = whereOf(intake, f);
      const total = Number((await client.execute({ sql: `SELECT count(*) AS n FROM applications ${w.sql}`, args: w.args })).rows[0]!.n);
      const cursors: (string | null)[] = [];
      for (const page of pages) {
        if (page === 1) cursors.push(null);
        else if ((page - 1) * PAGE_SIZE < total) {
          const r = (await client.execute({ sql: `SELECT ${KEY} AS k, id FROM applications ${w.sql} ORDER BY k, id LIMIT 1 OFFSET ?`, args: [...w.args, String((page - 1) * PAGE_SIZE - 1)] })).rows[0]!;
          cursors.push(encodeCursor([String(r.k), String(r.id)]));
        }
      }
      return { f, cursors, total };
    };
    const probes = async (filters: Filter[], pages = FIRST_TEN) => Promise.all(filters.map((f) => probe(f, pages)));
    const schools = (await client.execute("SELECT value AS s FROM applications, json_each(preferences) GROUP BY value ORDER BY count(*) DESC")).rows.map((r) => String(r.s));
    const middle = String((await client.execute({ sql: "SELECT reference FROM applications ORDER BY reference LIMIT 1 OFFSET ?", args: [Math.floor(n / 2)] })).rows[0]!.reference);
    const deepPage = Math.max(1, Math.floor((n / PAGE_SIZE) * 0.9));
    const table = {
      all: await probes([{}]),
      state: await probes((["submitted", "under_review", "eligible", "offered", "withdrawn"] as const).map((state) => ({ state }))),
      grade: await probes([{ grade: "1" }, { grade: "7" }]),
      // The busiest and the quietest school: a rare school reads further down the index.
      school: await probes([{ school: schools[0]! }, { school: schools.at(-1)! }]),
      documents: await probes([{ documents: "pending" }, { documents: "pending", state: "submitted" }]),
      search: await probes([{ q: middle }], [1]),
      deep: await probes([{}], [deepPage]),
    };

    const running = await startNodeEntry({ root, scratch, log, database: dbFile, env: secrets });
    try {
      const cookie = await signIn(running.url, officer);
      const ask = async (a: Ask): Promise<{ ms: number; status: number; body: PageBody | null }> => {
        const params = new URLSearchParams({ ...a.filter, ...(a.after ? { after: a.after } : {}) } as Record<string, string>);
        const start = performance.now();
        const res = await fetch(`${running.url}/api/staff/applications${params.size ? `?${params}` : ""}`, { headers: { Cookie: cookie } });
        const body = res.ok ? ((await res.json()) as PageBody) : (await res.text(), null);
        return { ms: performance.now() - start, status: res.status, body };
      };
      const cycling = (list: Probe[], seed: number): Shape<Ask>["asks"] => {
        const rng = random(seed);
        return (i) => {
          const p = list[i % list.length]!;
          return { filter: p.f, after: p.cursors[Math.floor(rng() * p.cursors.length)] ?? null };
        };
      };
      const shapes: Record<string, Shape<Ask>> = {
        first: { label: "first page, no filter (the baseline)", asks: () => ({ filter: {}, after: null }) },
        all: { label: "default order, no filter, pages 1–10", asks: cycling(table.all, 1) },
        deep: { label: `deep keyset page, no filter, page ${deepPage.toLocaleString("en-US")} of ${Math.ceil(n / PAGE_SIZE).toLocaleString("en-US")}`, asks: cycling(table.deep, 2) },
        state: { label: "state (submitted, under review, eligible, offered, withdrawn), pages 1–10", asks: cycling(table.state, 3) },
        grade: { label: "grade (1, 7), pages 1–10", asks: cycling(table.grade, 4) },
        school: { label: "school (the busiest and the quietest), pages 1–10", asks: cycling(table.school, 5) },
        documents: { label: "documents to review (alone, and with state=submitted), pages 1–10", asks: cycling(table.documents, 6) },
        search: { label: "search: a reference", asks: cycling(table.search, 7) },
      };
      const { measured, failures } = await measureShapes(shapes, ask, shapeRun(quick, log));
      const rows = ratioRows(shapes, measured, `page of ${PAGE_SIZE} over ${n.toLocaleString("en-US")} applications, waiting for review first`);

      const checks: Check[] = [{ label: "every measured request answered 200", ok: failures.length === 0, detail: failures.slice(0, 3).join("; ") || "all 200" }];
      const problems: string[] = [];
      const all = Object.values(table).flat();
      for (const p of all) {
        for (const [k, after] of [...new Set([p.cursors[0], p.cursors.at(-1)])].entries()) {
          const { body } = await ask({ filter: p.f, after: after ?? null });
          const name = `${JSON.stringify(p.f)} ${k === 0 ? "first" : "last"} measured page`;
          if (!body) {
            problems.push(`${name}: no page`);
            continue;
          }
          const shown = { total: Math.min(p.total, COUNT_CAP), atLeast: p.total > COUNT_CAP };
          if (body.total !== shown.total || body.atLeast !== shown.atLeast) problems.push(`${name}: total ${body.total}${body.atLeast ? "+" : ""}, SQL COUNT ${p.total}`);
          const page = after === null ? 1 : p.cursors.length;
          const want = Math.max(0, Math.min(PAGE_SIZE, p.total - (page - 1) * PAGE_SIZE));
          if (body.items.length !== want) problems.push(`${name}: ${body.items.length} rows, expected ${want}`);
          const wrong = body.items.filter((i) => (p.f.state && i.state !== p.f.state) || (p.f.q && i.reference !== p.f.q) || (p.f.grade && i.grade !== GRADE_LABELS[p.f.grade]));
          if (wrong.length) problems.push(`${name}: ${wrong.length} rows outside the filter`);
        }
      }
      checks.push({
        label: `pages hold only matching rows, ${PAGE_SIZE} (or the remainder), with total = SQL COUNT (or ${COUNT_CAP.toLocaleString("en-US")} and more past it)`,
        ok: problems.length === 0,
        detail: problems.slice(0, 3).join("; ") || `${all.length} filters, first and last measured page each`,
      });
      return { rows, checks, notes };
    } finally {
      await running.stop();
      client.close();
    }
  },
};
