/**
 * `downloadDocument({ ctx, input: { id, documentId } })`: a document as a download for a
 * reviewer (through the shared downloadResponse, named after the reference and the kind);
 * audited.
 */
import type { SecureCtx, StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { downloadResponse } from "../uploads/internal/download-response";
import { documentFileName, openStaffDocument } from "./internal/staff-document";

export const downloadDocument = staffVerb(
  "applications.review",
  async ({ ctx, input }: { ctx: StaffCtx & SecureCtx; input: { id: string; documentId: string } }): Promise<Response> => {
    const { row, doc, bytes } = await openStaffDocument(ctx, input, "applications.document_download");
    return downloadResponse(bytes, doc.contentType, documentFileName(row.reference, doc));
  },
);
