/**
 * `provideInformation`: with its reference and code, a family uploads the documents staff
 * asked for. The files are inspected by content and sealed into the blob store before the
 * transaction that records them and moves the application back to review; if that fails,
 * the stored blobs are discarded.
 */
import { DomainError } from "../../../src/domain/errors";
import type { SecureCtx } from "../context";
import { discardDocuments, documentsOf, insertDocuments, inspectDocuments, storeDocuments, type PostedDocument } from "./internal/documents";
import { familyMove } from "./internal/family-move";
import { findForFamily } from "./internal/find-for-family";
import { trackView, type TrackView } from "./internal/track-view";
import type { FamilyReceipt } from "./track-application";

const NONE_CHOSEN = "请选择要上传的材料";

export async function provideInformation({ ctx, input }: { ctx: SecureCtx; input: FamilyReceipt & { files: readonly PostedDocument[] } }): Promise<TrackView> {
  const row = await findForFamily(ctx, input);
  const documents = await storeDocuments(ctx, await inspectDocuments(await documentsOf(input.files)));
  if (documents.length === 0) throw new DomainError("validation", `${NONE_CHOSEN}。`, { fields: [{ path: "documents.other", message: NONE_CHOSEN }] });
  try {
    await ctx.db.transaction(async (tx) => {
      await insertDocuments(tx, row.id, documents, ctx.clock.now().toISOString());
      return familyMove(tx, ctx, row, "provide_info", `家庭补充了${documents.length}份材料，等待审核。`);
    });
  } catch (error) {
    await discardDocuments(ctx, documents);
    throw error;
  }
  return trackView(ctx, input.catalogue, await findForFamily(ctx, input));
}
