/**
 * `GET /api/health`: is the database reachable? 200 when a trivial query answers, 503 with
 * Retry-After when it does not, so a load balancer or uptime check can act on it.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { checkDatabase } from "../services/check-database";

export const HealthBody = z.strictObject({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["reachable", "unreachable"]),
  time: z.iso.datetime(),
});
export type HealthBody = z.infer<typeof HealthBody>;

export const healthRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const { deps } = c.var;
  const time = deps.clock.now().toISOString();
  if (await checkDatabase({ ctx: { ...deps, requestId: c.var.requestId } })) {
    return c.json({ status: "ok", database: "reachable", time } satisfies HealthBody, 200);
  }
  c.header("Retry-After", "30");
  return c.json({ status: "unavailable", database: "unreachable", time } satisfies HealthBody, 503);
});
