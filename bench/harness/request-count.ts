/**
 * Database requests per submission (issue 20 item 3): the real Node entry on the libSQL
 * Hrana-over-HTTP test double (support/hrana-server.ts, the way the Worker talks to Turso,
 * one HTTP request per round trip), counting the requests each kind of submission costs.
 * Budgets: 2 per complaint (anonymous, or named with an Idempotency-Key), 3 per application;
 * tests/e2e/worker-writes.test.ts asserts the same ceilings through the built Worker.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { startHranaServer } from "../../support/hrana-server";
import type { LoadRequest } from "../fixtures/submissions";
import { startNodeEntry } from "./node-server";
import type { BenchContext, Row } from "./types";

export type CountedSubmission = { label: string; request: LoadRequest; budget: number };

export async function countDatabaseRequests(ctx: BenchContext, submissions: CountedSubmission[]): Promise<Row[]> {
  const file = path.join(ctx.scratch, "requests", "http.db");
  mkdirSync(path.dirname(file), { recursive: true });
  const token = "bench-token";
  const db = await startHranaServer({ file, token });
  // A remote database takes production keys only (never development secrets); the entry migrates it at start.
  const key = () => randomBytes(32).toString("base64");
  const env = { APP_ENV: "production", LIBSQL_URL: db.url, LIBSQL_AUTH_TOKEN: token, DATA_KEY: key(), INDEX_KEY: key(), AUTH_SECRET: key(), PUBLIC_ORIGIN: "https://portal.example.gov.cn" };
  const server = await startNodeEntry({ ...ctx, scratch: path.join(ctx.scratch, "requests"), env }).catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  const rows: Row[] = [];
  try {
    for (const s of submissions) {
      db.resetCount();
      const res = await fetch(`${server.url}${s.request.path}`, { method: s.request.method, headers: s.request.headers, body: s.request.body ? new Uint8Array(s.request.body) : undefined });
      const used = db.requests();
      if (!res.ok) throw new Error(`${s.label}: ${res.status} ${await res.text()}`);
      ctx.log(`${s.label}: ${used} database requests`);
      rows.push({ measure: `${s.label}, database requests over HTTP (libSQL Hrana test double)`, value: { value: used, unit: "" }, budget: { limit: { value: s.budget, unit: "" }, ok: used <= s.budget } });
    }
  } finally {
    await server.stop();
    await db.close();
  }
  return rows;
}
