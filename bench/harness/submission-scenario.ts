/**
 * What both submission scenarios do, in order, on one Node entry started for the scenario:
 * load `GET /api/health` (the same-run HTTP baseline; it also warms the server), load the
 * submission route with distinct valid submissions, stop the server, check that the rows
 * stored equal the 2xx answers, and insert the same rows again with plain @libsql/client (the
 * same-run storage baseline, bench/harness/raw-inserts.ts), then count the database requests
 * one submission of each kind costs over HTTP (bench/harness/request-count.ts). Sizes: 50
 * connections for 10 s, or 4 connections for 2 s with --quick.
 */
import { existsSync, readdirSync } from "node:fs";
import type { LoadRequest } from "../fixtures/submissions";
import { loadDistinct, loadSame, type SubmissionLoad } from "./load";
import { startNodeEntry } from "./node-server";
import { countRows, rawInserts, type StoredRow } from "./raw-inserts";
import { countDatabaseRequests, type CountedSubmission } from "./request-count";
import { throughputRatio, type BenchContext, type Check, type Row, type ScenarioResult } from "./types";

export type SubmissionSpec = {
  /** e.g. "POST /api/complaints". */
  route: string;
  make(n: number, run: string): LoadRequest;
  /** What is stored per submission, for the checks: table → SQL counting its rows. */
  counts: { label: string; sql: string; perSubmission: number }[];
  /** Every submission's stored rows, grouped, read back from the app's database. */
  storedRows(dbFile: string): Promise<StoredRow[][]>;
  /** One submission of each kind whose database requests are counted, with its budget. */
  counted(run: string): CountedSubmission[];
  /** Whether a stored upload file is expected per submission (applications). */
  blobsPerSubmission?: number;
};

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function runSubmissionScenario(ctx: BenchContext, spec: SubmissionSpec): Promise<ScenarioResult> {
  const shape = ctx.quick ? { connections: 4, seconds: 2 } : { connections: 50, seconds: 10 };
  const run = Date.now().toString(36);
  const server = await startNodeEntry(ctx);
  let health;
  let load: SubmissionLoad;
  try {
    ctx.log(`GET /api/health, ${shape.connections} connections, ${shape.seconds} s`);
    health = await loadSame({ url: server.url, ...shape }, "/api/health");
    ctx.log(`${spec.route}, ${shape.connections} connections, ${shape.seconds} s`);
    load = await loadDistinct({ url: server.url, ...shape }, (n) => spec.make(n, run));
  } finally {
    await server.stop();
  }
  ctx.log(`${fmt(load.requestsPerSecond, 1)} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, ${load.ok2xx} 2xx, ${load.non2xx} non-2xx, ${load.errors} errors, ${load.retried} unanswered at the end (retried)`);

  const checks: Check[] = [];
  for (const c of spec.counts) {
    const stored = await countRows(server.dbFile, c.sql);
    const expected = load.total2xx * c.perSubmission;
    checks.push({
      label: `${c.label} = ${c.perSubmission === 1 ? "" : `${c.perSubmission} × `}2xx answers (nothing lost, nothing duplicated)`,
      ok: stored === expected,
      detail: `${stored} stored, ${load.total2xx} 2xx (${load.ok2xx} under load + ${load.retried2xx} of ${load.retried} retried after the run)`,
    });
  }
  if (spec.blobsPerSubmission) {
    // The file blob store keeps each blob as <key>.bin beside a <key>.json of its type.
    const files = existsSync(server.uploadDir) ? readdirSync(server.uploadDir).filter((name) => name.endsWith(".bin")).length : 0;
    const expected = load.total2xx * spec.blobsPerSubmission;
    checks.push({ label: `uploaded files kept = ${spec.blobsPerSubmission} × 2xx answers (no orphan, none missing)`, ok: files === expected, detail: `${files} files, ${expected} expected` });
  }
  checks.push({ label: "some submissions were answered 2xx", ok: load.ok2xx > 0, detail: `${load.ok2xx} 2xx under load` });

  const groups = await spec.storedRows(server.dbFile);
  const raw = await rawInserts(ctx.scratch, groups);
  const rowsPer = groups.length ? raw.rows / groups.length : 0;
  ctx.log(`raw inserts: ${fmt(raw.rowsPerSecond)} rows/s, ${fmt(raw.transactionsPerSecond)} transactions/s (${raw.transactions} transactions, ${raw.rows} rows)`);

  const shapeLabel = `${shape.connections} connections, ${shape.seconds} s`;
  const rps = load.requestsPerSecond;
  const rows: Row[] = [
    {
      measure: `${spec.route}, requests/s (${shapeLabel})`,
      value: { value: rps, unit: "req/s" },
      against: { label: `GET /api/health, same server and shape`, value: { value: health.requestsPerSecond, unit: "req/s" } },
      ratio: throughputRatio(rps, health.requestsPerSecond),
    },
    {
      measure: `${spec.route}, submissions/s`,
      value: { value: rps, unit: "req/s" },
      against: {
        label: `raw libSQL inserts of the same rows (${fmt(rowsPer, 0)} row${rowsPer === 1 ? "" : "s"} per transaction, ${fmt(raw.rowsPerSecond)} rows/s)`,
        value: { value: raw.transactionsPerSecond, unit: "tx/s" },
      },
      ratio: throughputRatio(rps, raw.transactionsPerSecond),
    },
    { measure: `${spec.route}, p50 latency`, value: { value: load.p50Ms, unit: "ms" }, against: { label: "GET /api/health p50", value: { value: health.p50Ms, unit: "ms" } } },
    { measure: `${spec.route}, p99 latency`, value: { value: load.p99Ms, unit: "ms" }, against: { label: "GET /api/health p99", value: { value: health.p99Ms, unit: "ms" } } },
    { measure: `${spec.route}, non-2xx answers`, value: { value: load.non2xx, unit: "" } },
    { measure: `${spec.route}, errors (connection errors and timeouts)`, value: { value: load.errors, unit: "" } },
  ];
  rows.push(...(await countDatabaseRequests(ctx, spec.counted(`${run}-count`))));
  const notes = [
    `${spec.route}: ${load.responses} answers (${Object.entries(load.statuses).map(([s, n]) => `${n}× ${s}`).join(", ")}); health ${fmt(health.requestsPerSecond)} req/s, ${health.non2xx} non-2xx`,
    ...load.samples.map((s) => `${spec.route} non-2xx sample: ${s}`),
  ];
  return { rows, checks, notes };
}
