/**
 * `runPurgers({ ctx, input: { purgers } })`: runs the purgers one after another (`npm run
 * purge`) and reports each one's counts; purgers are independent, so one that fails is
 * reported without stopping the others.
 */
import type { PurgeCtx, Purger, PurgeReport } from "./internal/purger";

export async function runPurgers({ ctx, input }: { ctx: PurgeCtx; input: { purgers: readonly Purger[] } }): Promise<PurgeReport[]> {
  const reports: PurgeReport[] = [];
  for (const purger of input.purgers) {
    try {
      const counts = await purger.purge({ ctx });
      ctx.log.info("retention.purged", { purger: purger.name, ...counts });
      reports.push({ name: purger.name, ok: true, counts });
    } catch (error) {
      const name = error instanceof Error ? error.name : "Error";
      ctx.log.error("retention.failed", { purger: purger.name, name });
      reports.push({ name: purger.name, ok: false, error: name });
    }
  }
  return reports;
}
