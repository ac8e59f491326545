/** `acceptOffer`: with its reference and code, a family accepts the offered place before its deadline. */
import type { SecureCtx } from "../context";
import { assertBeforeDeadline, familyMove } from "./internal/family-move";
import { findForFamily } from "./internal/find-for-family";
import { trackView, type TrackView } from "./internal/track-view";
import type { FamilyReceipt } from "./track-application";

export async function acceptOffer({ ctx, input }: { ctx: SecureCtx; input: FamilyReceipt }): Promise<TrackView> {
  const row = await findForFamily(ctx, input);
  assertBeforeDeadline(ctx, row, input.catalogue.enquiryPhone);
  await ctx.db.transaction((tx) => familyMove(tx, ctx, row, "accept", "家庭已接受学位。"));
  return trackView(ctx, input.catalogue, await findForFamily(ctx, input));
}
