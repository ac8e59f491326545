/**
 * `trackComplaint`: a filer opens their case with the receipt (reference + code) and sees
 * what they may see of it (./internal/filer-view).
 */
import type { TrackInput } from "../../../src/domain/complaint/schemas";
import type { ServiceCtx } from "../context";
import { caseByReceipt, viewOf } from "./internal/filer-case";
import type { FilerView } from "./internal/filer-view";

export async function trackComplaint({ ctx, input }: { ctx: ServiceCtx; input: TrackInput }): Promise<FilerView> {
  const row = await caseByReceipt(ctx, input);
  return viewOf(ctx, row.id);
}
