/**
 * `declineOffer`: with its reference and code, a family declines the offered place before
 * its deadline; the place is freed and the waitlist moves in the same transaction.
 */
import type { SecureCtx } from "../context";
import { assertBeforeDeadline, familyMove } from "./internal/family-move";
import { findForFamily } from "./internal/find-for-family";
import { trackView, type TrackView } from "./internal/track-view";
import { moveWaitlistAfterDecline } from "./internal/waitlist";
import type { FamilyReceipt } from "./track-application";

export async function declineOffer({ ctx, input }: { ctx: SecureCtx; input: FamilyReceipt }): Promise<TrackView> {
  const row = await findForFamily(ctx, input);
  assertBeforeDeadline(ctx, row, input.catalogue.enquiryPhone);
  await ctx.db.transaction(async (tx) => {
    const to = await familyMove(tx, ctx, row, "decline", "家庭已放弃学位，学位将依次递补给候补的家庭。");
    await moveWaitlistAfterDecline(tx, ctx, input.catalogue, row);
    return to;
  });
  return trackView(ctx, input.catalogue, await findForFamily(ctx, input));
}
