/**
 * `checkBlobStore({ ctx, input: { timeoutMs } })`: does the blob store take, return and
 * remove a small probe (put, get, compare, delete under a random `health-probe-…` key)? Used by
 * the health route beside checkDatabase: an unwritable uploads folder, a full disk or an R2
 * outage turns health red. A probe left behind by a crash is removed by the orphan sweep (no
 * row references it). Failures are logged by storage fault code or error name only.
 */
import type { AppDeps } from "../deps";
import { storageFaultOf } from "../platform/storage-fault";
import { withTimeout } from "../platform/with-timeout";
import type { ProbeResult } from "./check-database";

const PROBE = new TextEncoder().encode("health probe");

export async function checkBlobStore({ ctx, input }: { ctx: Pick<AppDeps, "blobs" | "log"> & { requestId: string }; input: { timeoutMs: number } }): Promise<ProbeResult> {
  const key = `health-probe-${crypto.randomUUID()}`;
  const roundTrip = async () => {
    await ctx.blobs.put(key, PROBE, "text/plain");
    try {
      const back = await ctx.blobs.get(key);
      if (!back || back.bytes.length !== PROBE.length || !back.bytes.every((b, i) => b === PROBE[i])) throw new Error("blob probe read back wrong");
    } finally {
      await ctx.blobs.delete(key);
    }
  };
  try {
    await withTimeout(roundTrip(), input.timeoutMs);
    return { ok: true };
  } catch (error) {
    const problem = storageFaultOf(error)?.code ?? (error as Error).name;
    ctx.log.error("health.blob_store_failing", { requestId: ctx.requestId, problem });
    return { ok: false, problem };
  }
}
