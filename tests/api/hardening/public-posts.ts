/**
 * The public POST endpoints (every write a visitor can reach without signing in, read from
 * functions/routes) and helpers the hardening tests share: a raw request with any body and
 * content type, and a count of the rows of every table, so a test can say "nothing stored".
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";

export const PUBLIC_POSTS = [
  "/api/complaints",
  "/api/complaints/track",
  "/api/complaints/track/information",
  "/api/complaints/track/rate",
  "/api/complaints/track/review",
  "/api/enrol/applications",
  "/api/enrol/draft",
  "/api/enrol/draft/step",
  "/api/enrol/draft/submit",
  "/api/enrol/recover",
  "/api/enrol/track",
  "/api/enrol/track/accept",
  "/api/enrol/track/decline",
  "/api/enrol/track/documents",
  "/api/staff/auth/sign-in",
] as const;

type RequestApp = { request(path: string, init?: RequestInit): Response | Promise<Response> };

/** A same-origin POST with exactly these bytes and this Content-Type (none when null). */
export function rawPost(app: RequestApp, path: string, body: string | Uint8Array, type: string | null, headers: Record<string, string> = {}) {
  return app.request(`http://localhost${path}`, {
    method: "POST",
    headers: { Accept: "application/json", "Sec-Fetch-Site": "same-origin", ...(type === null ? {} : { "Content-Type": type }), ...headers },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
}

/** Tables whose rows a refused request must not add to (rate-limit counters excepted: counting a request is the point). */
const COUNTER_TABLES = new Set(["rate_limit_counters", "__drizzle_migrations", "sqlite_sequence"]);

/**
 * A body that parses as a receipt lookup with a wrong code or an unknown reference is refused
 * AND audited by design (services/receipt, issue 22): that one row is the trace of the guess,
 * not stored data, so "nothing stored" leaves it out.
 */
export const NOT_REFUSED_LOOKUP = "action NOT LIKE '%.track_refused'";

export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = (await db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)).map((t) => t.name);
  const counts: Record<string, number> = {};
  for (const name of tables.filter((t) => !COUNTER_TABLES.has(t)))
    counts[name] = Number((await db.all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM "${name}"${name === "audit_log" ? ` WHERE ${NOT_REFUSED_LOOKUP}` : ""}`)))[0]!.n);
  return counts;
}
