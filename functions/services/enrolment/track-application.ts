/**
 * `trackApplication`: a family opens its application with the reference and access code
 * (both POSTed) and sees what it may see of it (./internal/track-view).
 */
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import type { ServiceCtx } from "../context";
import { findForFamily } from "./internal/find-for-family";
import { trackView, type TrackView } from "./internal/track-view";

export type FamilyReceipt = { catalogue: Catalogue; reference: string; accessCode: string };

export async function trackApplication({ ctx, input }: { ctx: ServiceCtx; input: FamilyReceipt }): Promise<TrackView> {
  return trackView(ctx, input.catalogue, await findForFamily(ctx, input));
}
