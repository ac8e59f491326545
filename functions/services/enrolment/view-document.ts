/**
 * `viewDocument({ ctx, input: { id, documentId } })`: an image document shown inline beside
 * the answers it proves (issue 19 item 4). Same permission and audit as the download (the
 * action `applications.document_view`), served `inline` only for JPEG and PNG under a
 * sandbox CSP and nosniff; a PDF is refused with 415 before anything is read, so it is only
 * ever a download (it can carry script, and Chromium will not render it in a sandbox).
 */
import { DomainError } from "../../../src/domain/errors";
import type { SecureCtx, StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { INLINE_IMAGE_TYPES, inlineImageResponse } from "../uploads/internal/download-response";
import { openStaffDocument } from "./internal/staff-document";

export const viewDocument = staffVerb(
  "applications.review",
  async ({ ctx, input }: { ctx: StaffCtx & SecureCtx; input: { id: string; documentId: string } }): Promise<Response> => {
    const { doc, bytes } = await openStaffDocument(ctx, input, "applications.document_view", (d) => {
      if (!INLINE_IMAGE_TYPES.includes(d.contentType)) throw new DomainError("unsupported_media_type", "这份材料不是图片，不能在页面中预览，请下载后查看。");
    });
    return inlineImageResponse(bytes, doc.contentType);
  },
);
