/**
 * `lapseOffers({ ctx, input: { catalogue } })`: the scheduled job that records every offer of
 * the current intake left unanswered past its deadline as lapsed (已过期) and moves the
 * waitlists as after a decline (./internal/lapse-due-offers). Run with the outbox, every few
 * seconds by the Node server's timer and every minute by the Worker's Cron Trigger, so the
 * family's SMS goes out in the same run; nobody acts, so there is no staff action.
 */
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import type { SecureCtx } from "../context";
import { lapseDueOffers } from "./internal/lapse-due-offers";

export async function lapseOffers({ ctx, input }: { ctx: SecureCtx; input: { catalogue: Catalogue } }): Promise<{ lapsed: number }> {
  return { lapsed: await lapseDueOffers(ctx, input.catalogue) };
}
