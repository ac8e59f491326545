/**
 * `checkDatabase({ ctx, input: { timeoutMs } })`: can the database take a write? The health
 * route's probe upserts one heartbeat row in app_meta, a real write that touches the file (a
 * read-only file, a full disk or an I/O error fails it, where `select 1` would still answer).
 * It goes through the same queued client as the submissions, so it is bounded by `timeoutMs`:
 * a database that cannot take a write within it is reported unavailable. A failure is logged
 * by its storage fault code or error name only (no connection string, no SQL).
 */
import { sql } from "drizzle-orm";
import { appMeta } from "../../db/schema";
import type { AppDeps } from "../deps";
import { storageFaultOf } from "../platform/storage-fault";
import { withTimeout } from "../platform/with-timeout";

export const HEARTBEAT_KEY = "health.heartbeat";

export type ProbeResult = { ok: true } | { ok: false; problem: string };

export async function checkDatabase({
  ctx,
  input,
}: {
  ctx: Pick<AppDeps, "db" | "log" | "clock" | "keyCheck"> & { requestId: string };
  input: { timeoutMs: number };
}): Promise<ProbeResult> {
  const at = ctx.clock.now().toISOString();
  try {
    // On the Worker, keys that do not match the database are a fault like a full disk (storage.keys_mismatch).
    if (ctx.keyCheck) await withTimeout(ctx.keyCheck(), input.timeoutMs);
    await withTimeout(
      ctx.db
        .insert(appMeta)
        .values({ key: HEARTBEAT_KEY, value: at, updatedAt: at })
        .onConflictDoUpdate({ target: appMeta.key, set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` } })
        .run(),
      input.timeoutMs,
    );
    return { ok: true };
  } catch (error) {
    const problem = storageFaultOf(error)?.code ?? (error as Error).name;
    ctx.log.error("health.database_unwritable", { requestId: ctx.requestId, problem });
    return { ok: false, problem };
  }
}
