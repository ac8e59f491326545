/**
 * `GET /api/health`: can the portal store what it is sent? 200 when the database takes a
 * write (a heartbeat upsert) and the blob store a put/get/delete round trip; 503 with
 * Retry-After when either fails or does not answer within HEALTH_PROBE_TIMEOUT_MS, naming the
 * problem by its storage fault code (`storage.full`, `storage.read_only`, … or
 * `ProbeTimeoutError`), so a load balancer or uptime check can act on it. Concurrent checks
 * share one probe, and a result is reused for PROBE_REUSE_MS, so polling health at a high rate
 * does not add a write per request to the queue the submissions use.
 */
import { contextOf, type Ctx } from "../services/context";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import type { AppDeps } from "../deps";
import { checkBlobStore } from "../services/check-blob-store";
import { checkDatabase } from "../services/check-database";

export const HealthBody = z.strictObject({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["reachable", "unreachable"]),
  blobs: z.enum(["writable", "failing"]),
  /** Storage fault codes or error names of what failed; absent when all is well. */
  problems: z.array(z.string()).optional(),
  time: z.iso.datetime(),
});
export type HealthBody = z.infer<typeof HealthBody>;

/** How long a probe may wait (behind the Node client's database lock, or on a slow disk) before health says 503. */
export const HEALTH_PROBE_TIMEOUT_MS = 2000;
/** How long one probe's answer serves further health checks. */
export const PROBE_REUSE_MS = 1000;

type Probe = { database: Awaited<ReturnType<typeof checkDatabase>>; blobs: Awaited<ReturnType<typeof checkBlobStore>> };
const recent = new WeakMap<AppDeps, { at: number; probe: Promise<Probe> }>();

function probe(deps: AppDeps, ctx: Ctx): Promise<Probe> {
  const now = Date.now();
  const last = recent.get(deps);
  if (last && now - last.at < PROBE_REUSE_MS) return last.probe;
  const input = { timeoutMs: HEALTH_PROBE_TIMEOUT_MS };
  const next = Promise.all([checkDatabase({ ctx: { ...ctx, keyCheck: deps.keyCheck }, input }), checkBlobStore({ ctx, input })]).then(
    ([database, blobs]) => ({ database, blobs }),
  );
  recent.set(deps, { at: now, probe: next });
  return next;
}

export const healthRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const { deps } = c.var;
  const time = deps.clock.now().toISOString();
  const { database, blobs } = await probe(deps, contextOf(c));
  const body: HealthBody = { status: "ok", database: database.ok ? "reachable" : "unreachable", blobs: blobs.ok ? "writable" : "failing", time };
  if (database.ok && blobs.ok) return c.json(body, 200);
  body.status = "unavailable";
  body.problems = [database, blobs].flatMap((p) => (p.ok ? [] : [p.problem]));
  c.header("Retry-After", "30");
  return c.json(body, 503);
});
