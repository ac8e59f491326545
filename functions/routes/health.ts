/**
 * `GET /api/health`: is the database reachable? 200 when a trivial query answers, 503 with
 * Retry-After when it does not, so a load balancer or uptime check can act on it.
 */
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";

export const HealthBody = z.strictObject({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["reachable", "unreachable"]),
  time: z.iso.datetime(),
});
export type HealthBody = z.infer<typeof HealthBody>;

export const healthRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const { db, clock, log } = c.var.deps;
  const time = clock.now().toISOString();
  try {
    await db.run(sql`select 1`);
    return c.json({ status: "ok", database: "reachable", time } satisfies HealthBody, 200);
  } catch (error) {
    log.error("health.database_unreachable", { requestId: c.var.requestId, name: (error as Error).name });
    c.header("Retry-After", "30");
    return c.json({ status: "unavailable", database: "unreachable", time } satisfies HealthBody, 503);
  }
});
