/**
 * `downloadDocument({ ctx, input: { id, documentId } })`: a document as a download for a
 * reviewer (through the shared downloadResponse, named after the reference and the kind);
 * audited.
 */
import { DOCUMENT_KIND_LABELS } from "../../../src/domain/enrolment/vocabulary";
import { writeAudit } from "../audit/internal/write-audit";
import type { SecureCtx, StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { downloadResponse } from "../uploads/internal/download-response";
import { readUpload } from "../uploads/internal/store-upload";
import { documentContext } from "./internal/documents";
import { documentOf, loadForStaff } from "./internal/staff-application";

export const downloadDocument = staffVerb(
  "applications.review",
  async ({ ctx, input: { id, documentId } }: { ctx: StaffCtx & SecureCtx; input: { id: string; documentId: string } }): Promise<Response> => {
    const row = await loadForStaff(ctx, id);
    const doc = await documentOf(ctx, id, documentId);
    const bytes = await readUpload(ctx, doc.blobKey, documentContext(doc.id));
    await ctx.db.transaction(async (tx) =>
      writeAudit(tx, ctx, { action: "applications.document_download", outcome: "success", actor: ctx.actor, objectType: "application_document", objectId: doc.id }),
    );
    const ext = doc.contentType === "application/pdf" ? "pdf" : doc.contentType === "image/png" ? "png" : "jpg";
    return downloadResponse(bytes, doc.contentType, `${row.reference}-${DOCUMENT_KIND_LABELS[doc.kind]}.${ext}`);
  },
);
