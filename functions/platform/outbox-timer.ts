/**
 * Delivers the outbox (after lapsing the offers past their deadline, ../lapse-offers-job.ts)
 * every few seconds inside the Node server, so a self-hosted
 * installation sends notifications without a separate scheduler (`npm run outbox:deliver`
 * does the same once, for cron). Runs are never overlapped, errors are logged (codes only)
 * and retried on the next tick, and the timer does not keep the process alive.
 */
import type { AppDeps } from "../deps";
import { deliverOutbox } from "../services/outbox/deliver-outbox";
import { runLapseJob } from "../lapse-offers-job";

/** `stop()` clears the timer and resolves once a run in progress has finished (before the database closes). */
export function startOutboxTimer(deps: AppDeps, intervalSeconds: number): { stop(): Promise<void> } {
  if (intervalSeconds <= 0) return { stop: async () => {} };
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    // Offers past their deadline lapse first, so the SMS they cause go out in this run.
    running = runLapseJob(deps)
      .then(() => deliverOutbox({ ctx: deps, input: {} }))
      .then(() => undefined)
      .catch((error: unknown) => deps.log.error("outbox.delivery_failed", { name: error instanceof Error ? error.name : "unknown" }))
      .finally(() => (running = undefined));
  }, intervalSeconds * 1000);
  timer.unref?.();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
