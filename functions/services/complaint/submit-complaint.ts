/**
 * `submitComplaint`: a citizen files a complaint. Its writes go to the database as ONE atomic
 * batch (issue 20 item 3): under the client's Idempotency-Key when it sent one (claimed by the
 * batch's first statement, so a retry returns the same reference and adds nothing, SECURITY.md
 * item 12), the reference counter, the case row, its attachments, its first event, the audit
 * row and (for named filers) the outbox receipt. Each later statement depends on the earlier
 * ones through SQL (the reference is read from the counter row, every row is written only if
 * the case row was), so the batch is one round trip and commits or rolls back whole. Every
 * hash and seal is made before it (none depends on the reference; the receipt's sealed body
 * names it through REFERENCE_SLOT). The filer's identity is sealed with field-crypto bound to
 * the case id, and a named filer's phone is also written as its blind index (the staff
 * search, issue 19); the receipt code (130 bits, SECURITY.md item 14) is returned once and
 * stored only as a hash. The idempotency record keeps the code sealed, never in clear, so a replay
 * can hand the same code back; a fresh submission returns the code it already holds.
 */
import { sql } from "drizzle-orm";
import { complaintAttachments, complaints } from "../../../db/schema";
import { leadDepartmentOf } from "../../../src/domain/complaint/categories";
import { ACCEPT_WITHIN_DAYS } from "../../../src/domain/complaint/deadlines";
import { MAX_ATTACHMENTS, type SubmitComplaintInput } from "../../../src/domain/complaint/schemas";
import { addDays, shanghaiDate } from "../../../src/domain/complaint/time";
import { DomainError } from "../../../src/domain/errors";
import { openField, sealField } from "../../platform/field-crypto";
import { insertSelect } from "../../platform/insert-select";
import { hashReceiptCode, newReceiptCode } from "../../platform/receipt-code";
import { auditWhen } from "../audit/internal/write-audit";
import type { SecureCtx } from "../context";
import { batchClaim, claimed, claimKey, readStored, storedOutcome, storeResult, type BatchClaim } from "../idempotency/internal/batch-claim";
import { bumpReference, currentReference } from "../references/internal/next-reference";
import { inspectUpload, type InspectedUpload } from "../uploads/internal/inspect-upload";
import { discardUpload, storeUpload } from "../uploads/internal/store-upload";
import { queueWhen, REFERENCE_SLOT, sealRecipient, type SealedRecipient } from "../outbox/internal/enqueue-message";
import { contactContext, filerAddress, filerReceiptMessage, type SealedContact } from "./internal/notify-filer";
import { phoneIndexOf } from "./internal/phone-index";
import { submittedQueueClock } from "./internal/queue-clock";
import { eventWhen } from "./internal/record-event";

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

/** Everything encrypted or hashed for a new case, done before its batch. */
type Sealed = { code: string; codeHash: string; codeSealed: string; contactSealed: string | null; phoneIndex: string | null; contact: SealedContact | null; recipient: SealedRecipient | null };

/** The receipt message, reference still a slot (the batch draws it), its body sealed with the recipient. */
const receiptOf = (id: string, code: string, contact: SealedContact | null) => filerReceiptMessage({ id, reference: REFERENCE_SLOT }, code, ACCEPT_WITHIN_DAYS, contact);

async function sealComplaint(ctx: SecureCtx, id: string, input: SubmitComplaintInput): Promise<Sealed> {
  const code = newReceiptCode(130);
  const named = input.contact.mode === "named" ? input.contact : null;
  const contact: SealedContact | null = named ? { name: named.name, phone: named.phone, email: named.email } : null;
  const to = filerAddress(contact);
  const [codeHash, codeSealed, contactSealed, phoneIndex, recipient] = await Promise.all([
    hashReceiptCode(code),
    sealField(ctx.keys, codeContext(id), code),
    contact ? sealField(ctx.keys, contactContext(id), JSON.stringify(contact)) : null,
    contact?.phone ? phoneIndexOf(ctx.keys, contact.phone) : null,
    to ? sealRecipient(ctx, to, receiptOf(id, code, contact)?.body) : null,
  ]);
  return { code, codeHash, codeSealed, contactSealed, phoneIndex, contact, recipient };
}

/**
 * Files the case in one batch; `claim` when the client sent an Idempotency-Key. Returns the
 * stored case (ours, or the first request's on a replay).
 */
async function fileComplaint(ctx: SecureCtx, id: string, input: SubmitComplaintInput, files: StoredFile[], sealed: Sealed, claim: BatchClaim | null): Promise<{ result: Stored; replayed: boolean }> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const receivedOn = shanghaiDate(now);
  if (input.happenedOn > receivedOn) {
    throw new DomainError("validation", "事情发生的日期不能晚于今天", { fields: [{ path: "happenedOn", message: "事情发生的日期不能晚于今天" }] });
  }
  const named = input.contact.mode === "named" ? input.contact : null;
  const year = Number(receivedOn.slice(0, 4));
  const reference = currentReference("TS", year);
  const stored: Stored = {
    id,
    reference: REFERENCE_SLOT,
    codeSealed: sealed.codeSealed,
    receivedOn,
    acceptDue: addDays(receivedOn, ACCEPT_WITHIN_DAYS),
    category: input.category,
    department: leadDepartmentOf(input.category),
    anonymous: !named,
  };
  const { db } = ctx;
  const mayFile = claim ? claimed(claim) : sql`1`;
  const filed = sql`exists (select 1 from ${complaints} where ${complaints.id} = ${id})`;
  const caseRow = {
    id,
    reference,
    receiptCodeHash: sealed.codeHash,
    category: input.category,
    school: input.school,
    whatHappened: input.whatHappened,
    happenedOn: input.happenedOn,
    contactMode: input.contact.mode,
    contactSealed: sealed.contactSealed,
    contactPhoneIndex: sealed.phoneIndex,
    departmentMayContact: named?.departmentMayContact ?? false,
    publishConsent: input.publishConsent,
    status: "submitted" as const,
    department: null,
    receivedAt: at,
    receivedOn,
    updatedAt: at,
    ...submittedQueueClock(at),
  };
  const attachmentRows = files.map((f) => ({
    id: crypto.randomUUID(),
    complaintId: id,
    blobKey: f.blobKey,
    sealContext: f.context,
    contentType: f.file.contentType,
    originalName: f.file.originalName,
    size: f.size,
    sha256: f.file.sha256,
    createdAt: at,
  }));
  const message = receiptOf(id, sealed.code, sealed.contact);
  const statements = [
    ...(claim ? [claimKey(db, claim, at)] : []),
    db.run(bumpReference("TS", year, mayFile)),
    db.run(insertSelect(complaints, caseRow, mayFile)),
    ...attachmentRows.map((row) => db.run(insertSelect(complaintAttachments, row, filed))),
    eventWhen(db, id, at, { kind: "submit", visibility: "public", actor: null, detail: input.category, text: files.length ? `附件${files.length}个` : null }, filed),
    auditWhen(db, ctx, { action: "complaints.submit", outcome: "success", actor: null, objectType: "complaint", detail: input.contact.mode }, filed, sql`select ${complaints.reference} from ${complaints} where ${complaints.id} = ${id}`),
    ...(message ? [queueWhen(db, ctx, message, sealed.recipient!, filed, reference)] : []),
  ];
  if (claim) {
    const results = await db.batch([...statements, storeResult(db, claim, JSON.stringify(stored), REFERENCE_SLOT, reference), readStored(db, claim)] as unknown as Parameters<typeof db.batch>[0]);
    const outcome = storedOutcome<Stored>(results.at(-1) as { requestHash: string; resultJson: string }[], claim, (r) => r.id === id);
    // The claim only fails on a key another request holds, and then its row is read back.
    if (!outcome) throw new Error("complaint batch stored no idempotency record");
    return outcome;
  }
  const results = await db.batch([...statements, db.select({ reference: complaints.reference }).from(complaints).where(sql`${complaints.id} = ${id}`)] as unknown as Parameters<typeof db.batch>[0]);
  const row = (results.at(-1) as { reference: string }[])[0];
  if (!row) throw new Error("complaint batch filed no case");
  return { result: { ...stored, reference: row.reference }, replayed: false };
}

/** At most MAX_ATTACHMENTS files, each inspected by content (type, size, metadata stripped). */
async function inspectAttachments(files: readonly File[]): Promise<InspectedUpload[]> {
  if (files.length > MAX_ATTACHMENTS) {
    const message = `最多上传${MAX_ATTACHMENTS}个附件`;
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
    const [sealed, claim] = await Promise.all([sealComplaint(ctx, id, input), idempotencyKey ? batchClaim({ scope: "complaint.submit", key: idempotencyKey, body }, id) : null]);
    const { result, replayed } = await fileComplaint(ctx, id, input, stored, sealed, claim);
    if (replayed) await discardAll();
    const { id: caseId, codeSealed, ...rest } = result;
    ctx.log.info("complaint.submitted", { reference: rest.reference, replayed, attachments: files.length, requestId: ctx.requestId });
    // A fresh case returns the code it holds; only a replay opens the stored one (issue 21).
    const receiptCode = replayed ? await openField(ctx.keys, codeContext(caseId), codeSealed) : sealed.code;
    return { complaint: { ...rest, receiptCode }, replayed };
  } catch (error) {
    await discardAll();
    throw error;
  }
}
