/**
 * `submitComplaint`: a citizen files a complaint. One transaction holds the case row, its
 * first event, the audit row, the reference counter and (for named filers) the outbox
 * message, under the client's Idempotency-Key when it sent one, so a retry returns the
 * same reference and adds nothing (SECURITY.md item 12). Every hash and seal is made before
 * the transaction (none depends on the reference): on the Node entry the transaction holds
 * the one database lock, and each crypto call would hold it across a thread-pool round trip. The filer's identity is sealed
 * with field-crypto bound to the case id; the receipt code (130 bits, SECURITY.md item 14)
 * is returned once and stored only as a hash. The idempotency record keeps the code sealed,
 * never in clear, so a replay can hand the same code back.
 */
import { complaintAttachments, complaints } from "../../../db/schema";
import { leadDepartmentOf } from "../../../src/domain/complaint/categories";
import { ACCEPT_WITHIN_DAYS } from "../../../src/domain/complaint/deadlines";
import { MAX_ATTACHMENTS, type SubmitComplaintInput } from "../../../src/domain/complaint/schemas";
import { addDays, shanghaiDate } from "../../../src/domain/complaint/time";
import { DomainError } from "../../../src/domain/errors";
import { openField, sealField } from "../../platform/field-crypto";
import { hashReceiptCode, newReceiptCode } from "../../platform/receipt-code";
import { writeAudit } from "../audit/internal/write-audit";
import type { SecureCtx, Tx } from "../context";
import { withIdempotency } from "../idempotency/internal/with-idempotency";
import { nextReference } from "../references/internal/next-reference";
import { inspectUpload, type InspectedUpload } from "../uploads/internal/inspect-upload";
import { discardUpload, storeUpload } from "../uploads/internal/store-upload";
import { enqueueMessage, sealRecipient, type SealedRecipient } from "../outbox/internal/enqueue-message";
import { contactContext, filerAddress, filerReceiptMessage, type SealedContact } from "./internal/notify-filer";
import { recordEvent } from "./internal/record-event";

/** The form field the attachments are posted under (and their errors point to). */
export const ATTACHMENTS_FIELD = "attachments";

export type SubmittedComplaint = {
  reference: string;
  receiptCode: string;
  receivedOn: string;
  acceptDue: string;
  category: SubmitComplaintInput["category"];
  department: string;
  anonymous: boolean;
};

type Stored = Omit<SubmittedComplaint, "receiptCode"> & { id: string; codeSealed: string };

const codeContext = (id: string) => `complaint:${id}:receipt-code`;

type StoredFile = { blobKey: string; size: number; context: string; file: InspectedUpload };

/** Everything encrypted or hashed for a new case, done before its transaction takes the database lock. */
type Sealed = { code: string; codeHash: string; codeSealed: string; contactSealed: string | null; contact: SealedContact | null; recipient: SealedRecipient | null };

async function sealComplaint(ctx: SecureCtx, id: string, input: SubmitComplaintInput): Promise<Sealed> {
  const code = newReceiptCode(130);
  const named = input.contact.mode === "named" ? input.contact : null;
  const contact: SealedContact | null = named ? { name: named.name, phone: named.phone, email: named.email } : null;
  const to = filerAddress(contact);
  const [codeHash, codeSealed, contactSealed, recipient] = await Promise.all([
    hashReceiptCode(code),
    sealField(ctx.keys, codeContext(id), code),
    contact ? sealField(ctx.keys, contactContext(id), JSON.stringify(contact)) : null,
    to ? sealRecipient(ctx, to) : null,
  ]);
  return { code, codeHash, codeSealed, contactSealed, contact, recipient };
}

async function insertComplaint(tx: Tx, ctx: SecureCtx, id: string, input: SubmitComplaintInput, files: StoredFile[], sealed: Sealed): Promise<Stored> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const receivedOn = shanghaiDate(now);
  if (input.happenedOn > receivedOn) {
    throw new DomainError("validation", "事情发生的日期不能晚于今天", { fields: [{ path: "happenedOn", message: "事情发生的日期不能晚于今天" }] });
  }
  const reference = await nextReference(tx, "TS", Number(receivedOn.slice(0, 4)));
  const named = input.contact.mode === "named" ? input.contact : null;
  const { contactSealed } = sealed;
  await tx.insert(complaints).values({
    id,
    reference,
    receiptCodeHash: sealed.codeHash,
    category: input.category,
    school: input.school,
    whatHappened: input.whatHappened,
    happenedOn: input.happenedOn,
    contactMode: input.contact.mode,
    contactSealed,
    departmentMayContact: named?.departmentMayContact ?? false,
    publishConsent: input.publishConsent,
    status: "submitted",
    department: null,
    receivedAt: at,
    receivedOn,
    updatedAt: at,
  });
  for (const f of files) {
    await tx.insert(complaintAttachments).values({
      id: crypto.randomUUID(),
      complaintId: id,
      blobKey: f.blobKey,
      sealContext: f.context,
      contentType: f.file.contentType,
      originalName: f.file.originalName,
      size: f.size,
      sha256: f.file.sha256,
      createdAt: at,
    });
  }
  await recordEvent(tx, id, at, { kind: "submit", visibility: "public", actor: null, detail: input.category, text: files.length ? `附件 ${files.length} 个` : null });
  await writeAudit(tx, ctx, { action: "complaints.submit", outcome: "success", actor: null, objectType: "complaint", objectId: reference, detail: input.contact.mode });
  // The receipt names the reference drawn above, so its sealed body is made here, in the transaction.
  const message = filerReceiptMessage({ id, reference }, sealed.code, ACCEPT_WITHIN_DAYS, sealed.contact);
  if (message) await enqueueMessage(tx, ctx, message, sealed.recipient ?? undefined);
  return {
    id,
    reference,
    codeSealed: sealed.codeSealed,
    receivedOn,
    acceptDue: addDays(receivedOn, ACCEPT_WITHIN_DAYS),
    category: input.category,
    department: leadDepartmentOf(input.category),
    anonymous: !named,
  };
}

/** At most MAX_ATTACHMENTS files, each inspected by content (type, size, metadata stripped). */
async function inspectAttachments(files: readonly File[]): Promise<InspectedUpload[]> {
  if (files.length > MAX_ATTACHMENTS) {
    const message = `最多上传 ${MAX_ATTACHMENTS} 个附件`;
    throw new DomainError("validation", message, { fields: [{ path: ATTACHMENTS_FIELD, message }] });
  }
  const inspected: InspectedUpload[] = [];
  for (const f of files) inspected.push(await inspectUpload({ path: ATTACHMENTS_FIELD, fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }));
  return inspected;
}

export type SubmitComplaint = {
  complaint: SubmitComplaintInput;
  /** The files chosen under `attachments`, as posted. */
  files?: readonly File[];
  idempotencyKey?: string;
};

export async function submitComplaint({ ctx, input: { complaint: input, files: chosen = [], idempotencyKey } }: { ctx: SecureCtx; input: SubmitComplaint }): Promise<{
  complaint: SubmittedComplaint;
  replayed: boolean;
}> {
  const files = await inspectAttachments(chosen);
  const id = crypto.randomUUID();
  // Blobs are stored before the transaction and removed again if it fails or was a replay,
  // so no orphan file outlives a request (the contract of services/uploads).
  const stored: StoredFile[] = [];
  const discardAll = () => Promise.all(stored.map((f) => discardUpload(ctx, f.blobKey)));
  try {
    for (const [i, file] of files.entries()) {
      const context = `complaint:${id}:attachment:${i}`;
      stored.push({ ...(await storeUpload(ctx, file, context)), context, file });
    }
    const body = { input, attachments: files.map((f) => f.sha256) };
    const sealed = await sealComplaint(ctx, id, input);
    const run = idempotencyKey
      ? withIdempotency(ctx, { scope: "complaint.submit", key: idempotencyKey, body }, (tx) => insertComplaint(tx, ctx, id, input, stored, sealed))
      : ctx.db.transaction(async (tx) => ({ result: await insertComplaint(tx, ctx, id, input, stored, sealed), replayed: false }));
    const { result, replayed } = await run;
    if (replayed) await discardAll();
    const { id: caseId, codeSealed, ...rest } = result;
    ctx.log.info("complaint.submitted", { reference: rest.reference, replayed, attachments: files.length, requestId: ctx.requestId });
    return { complaint: { ...rest, receiptCode: await openField(ctx.keys, codeContext(caseId), codeSealed) }, replayed };
  } catch (error) {
    await discardAll();
    throw error;
  }
}
