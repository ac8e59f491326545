/**
 * What the Worker's Cron Triggers run (`scheduled()` in worker.ts; the crons are in
 * wrangler.toml `[triggers]`): the Node server's jobs, on Cloudflare where no timer runs.
 * Every minute the offers past their deadline lapse (lapse-offers-job.ts) and the outbox is
 * delivered (deliverOutbox, as the Node entry's outbox timer and `npm run outbox:deliver`); once a day the retention purge runs every registered purger,
 * the orphan-upload sweep last (runPurgers with PURGERS, as `npm run purge`), on the same
 * database and R2 bucket the requests use. The keys are checked first, like a request: with
 * keys the data was not sealed with, delivery would fail to open every recipient and burn an
 * attempt of each message, so nothing runs.
 */
import type { AppDeps } from "./deps";
import { runLapseJob } from "./lapse-offers-job";
import { deliverOutbox } from "./services/outbox/deliver-outbox";
import { PURGERS } from "./services/retention/internal/purgers";
import { runPurgers } from "./services/retention/run-purgers";

/** Every minute: the outbox (a message waits at most about a minute, like the Node timer's few seconds). */
export const OUTBOX_CRON = "* * * * *";
/** Daily at 18:30 UTC, 02:30 Beijing time, when the portal is quietest. */
export const PURGE_CRON = "30 18 * * *";

export type ScheduledReport = { job: "outbox"; sent: number; failed: number; lapsed: number } | { job: "purge"; failed: string[] } | { job: "unknown" };

export async function runScheduled(cron: string, deps: AppDeps): Promise<ScheduledReport> {
  await deps.keyCheck?.();
  if (cron === OUTBOX_CRON) {
    const lapsed = await runLapseJob(deps);
    const { sent, failed } = await deliverOutbox({ ctx: deps, input: {} });
    deps.log.info("scheduled.outbox", { sent, failed });
    return { job: "outbox", sent, failed, lapsed };
  }
  if (cron === PURGE_CRON) {
    const reports = await runPurgers({ ctx: deps, input: { purgers: PURGERS } });
    const failed = reports.flatMap((r) => (r.ok ? [] : [r.name]));
    deps.log.info("scheduled.purge", { purgers: reports.length, failed: failed.length });
    return { job: "purge", failed };
  }
  deps.log.error("scheduled.unknown_cron", { cron });
  return { job: "unknown" };
}
