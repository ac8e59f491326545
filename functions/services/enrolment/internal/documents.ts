/**
 * Documents sent with an application or a later request for information: at most eight,
 * each inspected by content (functions/services/uploads), then sealed into the blob store
 * BEFORE the database transaction; when the transaction fails or is a replay, the stored
 * blobs are discarded so no orphan file is left behind.
 */
import { applicationDocuments } from "../../../../db/schema";
import { DomainError, type FieldError } from "../../../../src/domain/errors";
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, type DocumentKind } from "../../../../src/domain/enrolment/vocabulary";
import type { SecureCtx, Tx } from "../../context";
import { inspectUpload, type InspectedUpload } from "../../uploads/internal/inspect-upload";
import { discardUpload, storeUpload } from "../../uploads/internal/store-upload";

export const MAX_DOCUMENTS = 8;
export type IncomingDocument = { kind: DocumentKind; path: string; fileName: string; bytes: Uint8Array };
export type StoredDocument = { id: string; kind: DocumentKind; blobKey: string; contentType: string; size: number; sha256: string };

export const documentContext = (documentId: string) => `application-document:${documentId}`;

/** A file as posted, under its field name (`documents.<kind>`). */
export type PostedDocument = { name: string; file: File };

/** The `documents.<kind>` files of a body (empty file inputs already dropped). Unknown file fields are refused. */
export async function documentsOf(files: readonly PostedDocument[]): Promise<IncomingDocument[]> {
  const documents: IncomingDocument[] = [];
  for (const { name, file: value } of files) {
    const kind = name.startsWith("documents.") ? name.slice("documents.".length) : "";
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind))
      throw new DomainError("validation", "提交的文件字段不正确，请刷新页面后重试。", { fields: [{ path: name, message: "提交的文件字段不正确" }] });
    documents.push({ kind: kind as DocumentKind, path: name, fileName: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return documents;
}

/** Inspects every file and reports every problem at once (one field error per bad file). */
export type InspectedDocument = { upload: InspectedUpload; documentKind: DocumentKind };

export async function inspectDocuments(documents: IncomingDocument[], required: readonly DocumentKind[] = []): Promise<InspectedDocument[]> {
  const fields: FieldError[] = [];
  if (documents.length > MAX_DOCUMENTS) fields.push({ path: "documents", message: `最多上传${MAX_DOCUMENTS}个文件，请合并或删减后重新提交` });
  for (const kind of required) {
    if (!documents.some((d) => d.kind === kind)) fields.push({ path: `documents.${kind}`, message: `请上传${DOCUMENT_KIND_LABELS[kind]}` });
  }
  const inspected: InspectedDocument[] = [];
  for (const d of documents) {
    try {
      inspected.push({ upload: await inspectUpload({ path: d.path, fileName: d.fileName, bytes: d.bytes }), documentKind: d.kind });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      fields.push(...(error.fields.length ? error.fields : [{ path: d.path, message: error.message }]));
    }
  }
  if (fields.length > 0) throw new DomainError("validation", fields[0]!.message, { fields });
  return inspected;
}

export async function storeDocuments(ctx: SecureCtx, files: InspectedDocument[]): Promise<StoredDocument[]> {
  const stored: StoredDocument[] = [];
  try {
    for (const f of files) {
      const id = crypto.randomUUID();
      const { blobKey, size } = await storeUpload(ctx, f.upload, documentContext(id));
      stored.push({ id, kind: f.documentKind, blobKey, contentType: f.upload.contentType, size, sha256: f.upload.sha256 });
    }
  } catch (error) {
    await discardDocuments(ctx, stored);
    throw error;
  }
  return stored;
}

export async function discardDocuments(ctx: SecureCtx, stored: StoredDocument[]): Promise<void> {
  await Promise.all(stored.map((d) => discardUpload(ctx, d.blobKey).catch(() => undefined)));
}

export async function insertDocuments(tx: Tx, applicationId: string, stored: StoredDocument[], at: string): Promise<void> {
  if (stored.length === 0) return;
  await tx.insert(applicationDocuments).values(stored.map((d) => ({ ...d, applicationId, uploadedAt: at })));
}

/**
 * Checks a form's own field errors and its files together, so the family sees every problem
 * at once: the files are inspected (and the required kinds asked for), and one validation
 * error carries the form's errors followed by the files'. Returns the inspected files.
 */
export async function inspectWithForm(formErrors: readonly FieldError[], files: readonly PostedDocument[], required: readonly DocumentKind[]): Promise<InspectedDocument[]> {
  const fields = [...formErrors];
  let inspected: InspectedDocument[] = [];
  try {
    inspected = await inspectDocuments(await documentsOf(files), required);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== "validation") throw error;
    fields.push(...(error.fields.length ? error.fields : [{ path: "", message: error.message }]));
  }
  if (fields.length > 0) throw new DomainError("validation", fields[0]!.message, { fields });
  return inspected;
}
