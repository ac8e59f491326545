/**
 * Runs the Worker's key check (deps.keyCheck, worker-key-check.ts) before a request reaches
 * a route, so nothing is sealed or written with keys the database's data was not sealed with
 * (answered 503 as the storage fault `storage.keys_mismatch`). Health reports the check itself
 * instead. A database that cannot be reached is no verdict on the keys: a read goes on and
 * meets the outage itself (or needs no database: an unknown path is still a 404), but a write
 * never runs unchecked. Absent on Node, whose entry checks the keys once at start.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { storageFaultOf } from "../platform/storage-fault";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

export function keyCheckFirst(healthPath: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { keyCheck } = c.var.deps;
    if (keyCheck && c.req.path !== healthPath) {
      try {
        await keyCheck();
      } catch (error) {
        if (storageFaultOf(error)?.code === "storage.keys_mismatch" || !READS.has(c.req.method)) throw error;
      }
    }
    await next();
  };
}
