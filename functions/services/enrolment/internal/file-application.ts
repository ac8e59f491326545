/**
 * `fileApplication`: a family's checked application (from the JSON path or a no-JS draft)
 * with its stored documents becomes a submitted application with a
 * reference and an access code, in ONE transaction with its documents, its consent record
 * (privacy-notice version, time, consenting guardian), its first timeline entry, the audit row
 * and the acknowledgement SMS (SECURITY.md items 12, 13, 15). Idempotent: the same key and
 * body returns the same reference and code (the code is kept sealed with the stored result
 * for exactly that retry); the same key with another body is refused. A second application
 * for the same child in the same intake is filed and acknowledged exactly like a first one
 * (same status, body, reference series and work: SECURITY.md item 13), flagged `duplicateOf`
 * the first for staff and without a child index; the family of the first application is told
 * by SMS in the same transaction. The sealed columns,
 * the access code's hash and the SMS recipient are made before the transaction: on the Node
 * entry it holds the one database lock, which each crypto call would hold across a
 * thread-pool round trip. (The receipt is therefore bound to the application's id; receipts
 * bound to the reference, as before, still open for the 7 days their records live.)
 */
import { and, eq } from "drizzle-orm";
import { applicationEvents, applications } from "../../../../db/schema";
import { DomainError } from "../../../../src/domain/errors";
import type { ApplicationInput } from "../../../../src/domain/enrolment/application";
import type { Catalogue } from "../../../../src/domain/enrolment/catalogue";
import { retainUntil } from "../../../../src/domain/enrolment/intake";
import { applicationRound, openRound } from "../../../../src/domain/enrolment/draw/round";
import { PRIVACY_NOTICE_VERSION, RETENTION } from "../../../../src/domain/privacy-notice";
import { blindIndex, openField, sealField } from "../../../platform/field-crypto";
import { hashReceiptCode, newReceiptCode } from "../../../platform/receipt-code";
import { writeAudit } from "../../audit/internal/write-audit";
import type { SecureCtx, Tx } from "../../context";
import { withIdempotency } from "../../idempotency/internal/with-idempotency";
import { enqueueMessage, sealRecipient, type SealedRecipient } from "../../outbox/internal/enqueue-message";
import { nextReference } from "../../references/internal/next-reference";
import { sealApplication, openPersonal } from "./application-record";
import { discardDocuments, insertDocuments, type StoredDocument } from "./documents";
import { receiptSms } from "./receipt-sms";

/**
 * The consents on the form are the applicant's, and the form names the first guardian as the
 * applicant ("第一位监护人（申请人）"), so that is the guardian a submission records as consenting.
 */
const CONSENTING_GUARDIAN = 0;

export const CLOSED_MESSAGE = "现在不在申请期内，不能提交申请。申请期见“随迁子女入学”页面。";

export type Receipt = { applicationId: string; reference: string; accessCode: string; submittedAt: string };
type StoredReceipt = { applicationId: string; reference: string; sealedCode: string; submittedAt: string };

/** The access code kept sealed in the idempotency record, bound to the application's id. */
const receiptContext = (applicationId: string) => `receipt:application:${applicationId}`;
/** How receipts were bound before (to the reference, known only inside the transaction); such records live 7 days. */
const legacyReceiptContext = (reference: string) => `receipt:${reference}`;

async function openReceipt(ctx: SecureCtx, receipt: StoredReceipt): Promise<string> {
  try {
    return await openField(ctx.keys, receiptContext(receipt.applicationId), receipt.sealedCode);
  } catch {
    return openField(ctx.keys, legacyReceiptContext(receipt.reference), receipt.sealedCode);
  }
}

/** The year in a reference: the submission's year in Beijing time. */
export function referenceYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3600 * 1000).getUTCFullYear();
}

export async function fileApplication({
  ctx,
  catalogue,
  input,
  documents,
  idempotencyKey,
  draftId,
}: {
  ctx: SecureCtx;
  catalogue: Catalogue;
  input: ApplicationInput;
  documents: StoredDocument[];
  idempotencyKey: string;
  /**
   * A no-JS draft this submission turns into the application, in place (same id). Its
   * idempotency body is the draft id: a second click resends the files, which are not stored
   * again, and must still replay the first answer.
   */
  draftId?: string;
}): Promise<Receipt & { replayed: boolean }> {
  const now = ctx.clock.now();
  if (openRound(catalogue.intake, now) === null) {
    await discardDocuments(ctx, documents);
    throw new DomainError("conflict", CLOSED_MESSAGE);
  }
  const childIndex = await blindIndex(ctx.keys, "child-id", `${catalogue.intake.id}:${input.child.idNumber}`);
  const body = draftId ? { draftId } : { input, documents: documents.map((d) => [d.kind, d.sha256]) };
  const sealed = await sealSubmission(ctx, catalogue, input, draftId ?? crypto.randomUUID());
  // The first family's phone is opened and sealed before the lock, like everything else; a
  // first application seals its own phone in its place, so both paths do the same work.
  const prior = await priorApplication(ctx, catalogue.intake.id, childIndex);
  const warning = await sealRecipient(ctx, prior?.phone ?? input.guardians[0]!.phone);
  const file = () =>
    withIdempotency(ctx, { scope: "enrolment.submit", key: idempotencyKey, body }, async (tx) => {
      const existing = await tx
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.intakeId, catalogue.intake.id), eq(applications.childIndex, childIndex)))
        .get();
      const filed = await insertApplication(tx, ctx, catalogue, input, documents, existing ? { duplicateOf: existing.id } : { childIndex }, sealed, draftId);
      if (existing) await tellFirstFamily(tx, ctx, catalogue.enquiryPhone, existing.id, prior?.id === existing.id ? { phone: prior.phone, sealed: warning } : undefined);
      return filed;
    });
  let outcome: { result: StoredReceipt; replayed: boolean };
  try {
    outcome = await file();
  } catch (error) {
    // Two different keys racing for the same child: the unique blind index decides, and the
    // loser is filed again, now as the duplicate it is.
    if (!isUniqueViolation(error)) {
      await discardDocuments(ctx, documents);
      throw error;
    }
    outcome = await file().catch(async (again: unknown) => {
      await discardDocuments(ctx, documents);
      throw again;
    });
  }
  if (outcome.replayed) await discardDocuments(ctx, documents);
  const { sealedCode: _sealed, ...rest } = outcome.result;
  return { ...rest, accessCode: await openReceipt(ctx, outcome.result), replayed: outcome.replayed };
}

/** The application already filed for this child in this intake, with the phone its family gave. */
async function priorApplication(ctx: SecureCtx, intakeId: string, childIndex: string): Promise<{ id: string; phone: string | undefined } | null> {
  const row = await ctx.db
    .select({ id: applications.id, personal: applications.personal })
    .from(applications)
    .where(and(eq(applications.intakeId, intakeId), eq(applications.childIndex, childIndex)))
    .get();
  if (!row) return null;
  return { id: row.id, phone: (await openPersonal(ctx.keys, row)).guardians[0]?.phone };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_CONSTRAINT")) return true;
    if (e instanceof Error && /UNIQUE constraint failed: applications\.intake_id/.test(e.message)) return true;
  }
  return false;
}

/** Everything encrypted or hashed for a submission, done before the transaction takes the database lock. */
type SealedSubmission = { id: string; accessCode: string; accessCodeHash: string; sealedCode: string; columns: Awaited<ReturnType<typeof sealApplication>>; recipient: SealedRecipient };

async function sealSubmission(ctx: SecureCtx, catalogue: Catalogue, input: ApplicationInput, id: string): Promise<SealedSubmission> {
  const accessCode = newReceiptCode(80);
  const { consents: _consents, ...draft } = input;
  const [columns, accessCodeHash, sealedCode, recipient] = await Promise.all([
    sealApplication(ctx.keys, id, draft, catalogue),
    hashReceiptCode(accessCode),
    sealField(ctx.keys, receiptContext(id), accessCode),
    sealRecipient(ctx, input.guardians[0]!.phone),
  ]);
  return { id, accessCode, accessCodeHash, sealedCode, columns, recipient };
}

async function insertApplication(
  tx: Tx,
  ctx: SecureCtx,
  catalogue: Catalogue,
  input: ApplicationInput,
  documents: StoredDocument[],
  child: { childIndex: string } | { duplicateOf: string },
  sealed: SealedSubmission,
  draftId: string | undefined,
): Promise<StoredReceipt> {
  const at = ctx.clock.now().toISOString();
  const { id } = sealed;
  const reference = await nextReference(tx, "RX", referenceYear(ctx.clock.now()));
  const values = {
    intakeId: catalogue.intake.id,
    reference,
    state: "submitted" as const,
    ...sealed.columns,
    ...child,
    accessCodeHash: sealed.accessCodeHash,
    consentNoticeVersion: PRIVACY_NOTICE_VERSION,
    consentAt: at,
    consentGuardian: CONSENTING_GUARDIAN,
    specialNeedsConsent: input.specialNeeds.has === "yes" && input.specialNeeds.consent === "yes",
    submittedAt: at,
    round: applicationRound(catalogue.intake, new Date(at)),
    retainUntil: retainUntil(catalogue.intake, RETENTION.applicationMonths),
    updatedAt: at,
  };
  if (draftId) {
    const updated = await tx
      .update(applications)
      .set(values)
      .where(and(eq(applications.id, draftId), eq(applications.state, "draft")))
      .returning({ id: applications.id });
    if (updated.length === 0) throw new DomainError("conflict", "这份草稿已经提交或已过期，请用受理编号查询，或重新填写。");
  } else {
    await tx.insert(applications).values({ id, ...values, createdAt: at });
  }
  await insertDocuments(tx, id, documents, at);
  await tx.insert(applicationEvents).values({ applicationId: id, at, event: "submit", toState: "submitted", message: "申请已提交，等待审核。" });
  await writeAudit(tx, ctx, { action: "enrolment.submit", outcome: "success", objectType: "application", objectId: id });
  // The receipt itself, so a family that loses the page still has it (issue 16 item 7); the body is sealed.
  const sms = {
    channel: "sms" as const,
    to: input.guardians[0]!.phone,
    subject: "入学申请已受理",
    body: receiptSms(reference, sealed.accessCode),
    about: { kind: "application" as const, id },
    secret: true,
  };
  await enqueueMessage(tx, ctx, sms, sealed.recipient);
  return { applicationId: id, reference, sealedCode: sealed.sealedCode, submittedAt: at };
}

/** The first family hears that someone tried to apply again for its child (no details); the attempt is audited. */
async function tellFirstFamily(tx: Tx, ctx: SecureCtx, enquiryPhone: string, firstId: string, known: { phone: string | undefined; sealed: SealedRecipient } | undefined): Promise<void> {
  await writeAudit(tx, ctx, { action: "enrolment.submit", outcome: "denied", objectType: "application", objectId: firstId, detail: "duplicate_child" });
  // A race the pre-read did not see: open the phone inside the transaction (rare).
  let phone = known?.phone;
  if (!known) {
    const first = await tx.select({ id: applications.id, personal: applications.personal }).from(applications).where(eq(applications.id, firstId)).get();
    phone = first ? (await openPersonal(ctx.keys, first)).guardians[0]?.phone : undefined;
  }
  if (!phone) return;
  await enqueueMessage(
    tx,
    ctx,
    {
      channel: "sms",
      to: phone,
      subject: "有人再次为您的孩子提交入学申请",
      body: `有人为您的孩子再次提交了本批次的入学申请。招生部门会核查，您的申请不受影响。如不是您家人所为，请致电区教育局招生咨询电话${enquiryPhone}。`,
      about: { kind: "application", id: firstId },
    },
    known?.sealed,
  );
}
