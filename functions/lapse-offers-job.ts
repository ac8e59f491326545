/**
 * The scheduled run of `lapseOffers` (services/enrolment/lapse-offers.ts) from the app's deps,
 * shared by the Node server's outbox timer and the Worker's minute Cron Trigger: it runs just
 * before the outbox is delivered, so a lapsed family's SMS and the SMS of the family moved up
 * in its place go out in the same tick. It never throws (a failure is logged by code and the
 * next tick retries), so delivery always runs after it.
 */
import type { AppDeps } from "./deps";
import { fieldKeysOf } from "./platform/field-crypto";
import { lapseOffers } from "./services/enrolment/lapse-offers";

export async function runLapseJob(deps: Pick<AppDeps, "db" | "clock" | "log" | "blobs" | "config" | "catalogue">): Promise<number> {
  try {
    const catalogue = await deps.catalogue.current();
    const ctx = { db: deps.db, clock: deps.clock, log: deps.log, requestId: "scheduled-lapse", keys: fieldKeysOf(deps.config.secrets), blobs: deps.blobs };
    const { lapsed } = await lapseOffers({ ctx, input: { catalogue } });
    if (lapsed > 0) deps.log.info("scheduled.offers_lapsed", { lapsed });
    return lapsed;
  } catch (error) {
    deps.log.error("scheduled.lapse_failed", { name: error instanceof Error ? error.name : "unknown" });
    return 0;
  }
}
