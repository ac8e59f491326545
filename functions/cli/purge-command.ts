/**
 * `npm run purge [-- --now 2031-09-01]`: runs every registered purger
 * (services/retention/internal/purgers.ts) against the database in LIBSQL_URL and the upload folder
 * UPLOAD_DIR, and prints what each deleted or anonymised. `--now` sets the clock (a date or
 * an ISO time, UTC) so an operator can see what a later run would remove, and tests can run
 * it at any date. Against a remote database it needs UPLOAD_DIR (see REMOTE_REFUSAL). Split
 * from the script so a test can run it on a temporary database with its own purgers.
 */
import { parseArgs } from "node:util";
import { createDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { isRemoteDatabase } from "../config";
import { systemClock, type Clock, type Logger } from "../deps";
import { createFileBlobStore } from "../platform/file-blob-store";
import { openNodeLibsqlClient } from "../platform/node-libsql-client";
import type { Purger } from "../services/retention/internal/purger";
import { PURGERS } from "../services/retention/internal/purgers";
import { runPurgers } from "../services/retention/run-purgers";

export const USAGE = "Usage: npm run purge [-- --now <YYYY-MM-DD | ISO 8601 UTC time>]";

/** `--now`: a date means its midnight UTC. */
export function clockAt(value: string): Clock | undefined {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value;
  const at = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime())) return undefined;
  return { now: () => new Date(at) };
}

/**
 * Against a remote database the documents are usually in R2 (the Worker deployment), which a
 * command here cannot reach: it would delete rows and leave their documents (issue 20).
 */
export const REMOTE_REFUSAL =
  "LIBSQL_URL names a remote database. On Cloudflare the Worker's daily Cron Trigger runs this purge with the R2 bucket (README, Deploy to Cloudflare); " +
  "run it here only for a Node installation whose uploads are in a folder, with UPLOAD_DIR set to that folder.";

const quietLog: Logger = { info: () => {}, error: () => {} };

export async function runPurge(
  argv: string[],
  env: Record<string, string | undefined>,
  purgers: readonly Purger[] = PURGERS,
): Promise<{ code: number; lines: string[] }> {
  let now: string | undefined;
  try {
    ({ values: { now } } = parseArgs({ args: argv, options: { now: { type: "string" } } }));
  } catch (error) {
    return { code: 2, lines: [(error as Error).message, USAGE] };
  }
  const clock = now === undefined ? systemClock : clockAt(now);
  if (!clock) return { code: 2, lines: [`--now must be a date (2031-09-01) or an ISO 8601 time, not "${now}".`, USAGE] };

  const url = env.LIBSQL_URL ?? "file:db/local.db";
  if (isRemoteDatabase(url) && !env.UPLOAD_DIR) return { code: 2, lines: [REMOTE_REFUSAL, USAGE] };
  const client = await openNodeLibsqlClient(url, env.LIBSQL_AUTH_TOKEN);
  try {
    const db = createDb(client);
    await migrateDatabase(db);
    const blobs = createFileBlobStore(env.UPLOAD_DIR ?? "db/uploads");
    const reports = await runPurgers({ ctx: { db, blobs, clock, log: quietLog }, input: { purgers } });
    const lines = [`Retention purge at ${clock.now().toISOString()}: ${purgers.length} purger(s)`];
    for (const r of reports) {
      lines.push(r.ok ? `  ${r.name}: ${r.counts.deleted} deleted, ${r.counts.anonymised} anonymised` : `  ${r.name}: FAILED (${r.error})`);
    }
    return { code: reports.every((r) => r.ok) ? 0 : 1, lines };
  } finally {
    client.close();
  }
}
