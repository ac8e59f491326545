/**
 * What the two ways a reviewer opens a document share (download and inline preview): the
 * application and document the ids name (404 otherwise), the decrypted bytes, and the audit
 * row of the read, written before the bytes leave, with the way it was opened as its action.
 */
import { DOCUMENT_KIND_LABELS } from "../../../../src/domain/enrolment/vocabulary";
import { writeAudit } from "../../audit/internal/write-audit";
import type { SecureCtx, StaffCtx } from "../../context";
import { readUpload } from "../../uploads/internal/store-upload";
import { documentContext } from "./documents";
import { documentOf, loadForStaff } from "./staff-application";

export type DocumentRead = "applications.document_download" | "applications.document_view";

/** `check` runs on the document before anything is read or audited (the preview refuses a PDF there). */
export async function openStaffDocument(
  ctx: StaffCtx & SecureCtx,
  ids: { id: string; documentId: string },
  action: DocumentRead,
  check: (doc: { contentType: string }) => void = () => {},
) {
  const row = await loadForStaff(ctx, ids.id);
  const doc = await documentOf(ctx, ids.id, ids.documentId);
  check(doc);
  const bytes = await readUpload(ctx, doc.blobKey, documentContext(doc.id));
  await ctx.db.transaction(async (tx) => writeAudit(tx, ctx, { action, outcome: "success", actor: ctx.actor, objectType: "application_document", objectId: doc.id }));
  return { row, doc, bytes };
}

const EXTENSIONS: Record<string, string> = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg" };

/** The name a document leaves under: the application's reference and the document's kind. */
export function documentFileName(reference: string | null, doc: { kind: keyof typeof DOCUMENT_KIND_LABELS; contentType: string }): string {
  return `${reference ?? "申请"}-${DOCUMENT_KIND_LABELS[doc.kind]}.${EXTENSIONS[doc.contentType] ?? "bin"}`;
}
