/**
 * `viewDocument({ ctx, input: { id, documentId } })`: a document previewed beside the answers
 * it proves (issue 19 item 4). Same permission and audit as the download (the action
 * `applications.document_view`, one row per view). An image is served `inline` for an
 * `<img>` (JPEG and PNG cannot run script); a PDF's bytes are served exactly like the
 * download (attachment, sandbox CSP, nosniff), for the page's pdf.js to fetch and draw on a
 * canvas: navigating to this URL downloads the PDF, it is never rendered in our origin.
 * Any other stored type is refused with 415 before anything is read.
 */
import { DomainError } from "../../../src/domain/errors";
import type { SecureCtx, StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { downloadResponse, inlineImageResponse, previewKind } from "../uploads/internal/download-response";
import { documentFileName, openStaffDocument } from "./internal/staff-document";

export const viewDocument = staffVerb(
  "applications.review",
  async ({ ctx, input }: { ctx: StaffCtx & SecureCtx; input: { id: string; documentId: string } }): Promise<Response> => {
    const { row, doc, bytes } = await openStaffDocument(ctx, input, "applications.document_view", (d) => {
      if (!previewKind(d.contentType)) throw new DomainError("unsupported_media_type", "这份材料不能在页面中预览，请下载后查看。");
    });
    if (previewKind(doc.contentType) === "image") return inlineImageResponse(bytes, doc.contentType);
    return downloadResponse(bytes, doc.contentType, documentFileName(row.reference, doc));
  },
);
