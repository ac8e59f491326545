/**
 * `fileApplication`: a family's checked application (from the JSON path or a no-JS draft)
 * with its stored documents becomes a submitted application with a reference and an access
 * code, in ONE atomic batch (issue 20 item 3) with its idempotency claim, reference counter,
 * documents, consent record (privacy-notice version, time, consenting guardian), first
 * timeline entry, audit row and the acknowledgement SMS (SECURITY.md items 12, 13, 15); each
 * statement depends on the earlier ones through SQL (./../../idempotency/internal/batch-claim).
 * Idempotent: the same key and body returns the same reference and code (the code is kept
 * sealed with the stored result for exactly that retry); the same key with another body is
 * refused. A second application for the same child in the same intake is filed and
 * acknowledged exactly like a first one (same status, body, reference series and work:
 * SECURITY.md item 13), flagged `duplicateOf` the first for staff and without a child index;
 * the family of the first application is told by SMS in the same batch. Which application is
 * first is read before the batch (its family's phone must be opened and sealed, which SQL
 * cannot do), and the batch's claim holds only if it is still the one: when another
 * submission for the child got in between, nothing is written and the filing starts again.
 * So a submission costs the rate-limit count, that read and the batch: three requests.
 * Everything sealed or hashed is made before the batch; the SMS body names the reference
 * through REFERENCE_SLOT. (The receipt is bound to the application's id; receipts bound to
 * the reference, as before, still open for the 7 days their records live.)
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { applicationDocuments, applicationEvents, applications } from "../../../../db/schema";
import { DomainError } from "../../../../src/domain/errors";
import type { ApplicationInput } from "../../../../src/domain/enrolment/application";
import type { Catalogue } from "../../../../src/domain/enrolment/catalogue";
import { retainUntil } from "../../../../src/domain/enrolment/intake";
import { applicationRound, openRound } from "../../../../src/domain/enrolment/draw/round";
import { PRIVACY_NOTICE_VERSION, RETENTION } from "../../../../src/domain/privacy-notice";
import { blindIndex, openField, sealField } from "../../../platform/field-crypto";
import { insertSelect } from "../../../platform/insert-select";
import { hashReceiptCode, newReceiptCode } from "../../../platform/receipt-code";
import { auditWhen } from "../../audit/internal/write-audit";
import type { SecureCtx } from "../../context";
import { batchClaim, claimed, claimKey, readStored, storedOutcome, storeResult, type BatchClaim } from "../../idempotency/internal/batch-claim";
import { queueWhen, REFERENCE_SLOT, sealRecipient, type SealedRecipient } from "../../outbox/internal/enqueue-message";
import { bumpReference, currentReference } from "../../references/internal/next-reference";
import { sealApplication, openPersonal } from "./application-record";
import { discardDocuments, type StoredDocument } from "./documents";
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

/** How often a filing starts again because another submission for the same child got in first. */
const MAX_ATTEMPTS = 4;
export const DRAFT_GONE = "这份草稿已经提交或已过期，请用受理编号查询，或重新填写。";

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
  try {
    const childIndex = await blindIndex(ctx.keys, "child-id", `${catalogue.intake.id}:${input.child.idNumber}`);
    const body = draftId ? { draftId } : { input, documents: documents.map((d) => [d.kind, d.sha256]) };
    const sealed = await sealSubmission(ctx, catalogue, input, draftId ?? crypto.randomUUID());
    const claim = await batchClaim({ scope: "enrolment.submit", key: idempotencyKey, body }, sealed.id);
    for (let attempt = 1; ; attempt++) {
      // The first family's phone is opened and sealed before the batch, like everything else; a
      // first application seals its own phone in its place, so both paths do the same work.
      const prior = await priorApplication(ctx, catalogue.intake.id, childIndex);
      const warning = await sealRecipient(ctx, prior?.phone ?? input.guardians[0]!.phone);
      const outcome = await fileOnce(ctx, { catalogue, input, documents, childIndex, sealed, claim, draftId, prior, warning });
      if (outcome === "draft_gone") throw new DomainError("conflict", DRAFT_GONE);
      if (outcome !== "first_changed") {
        if (outcome.replayed) await discardDocuments(ctx, documents);
        const { sealedCode: _sealed, ...rest } = outcome.result;
        // A fresh filing returns the code it holds; only a replay opens the stored one (issue 21).
        return { ...rest, accessCode: outcome.replayed ? await openReceipt(ctx, outcome.result) : sealed.accessCode, replayed: outcome.replayed };
      }
      if (attempt >= MAX_ATTEMPTS) throw new Error("the first application for this child kept changing during filing");
    }
  } catch (error) {
    await discardDocuments(ctx, documents);
    throw error;
  }
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

/** Everything encrypted or hashed for a submission, done before the batch. */
type SealedSubmission = { id: string; accessCode: string; accessCodeHash: string; sealedCode: string; columns: Awaited<ReturnType<typeof sealApplication>>; recipient: SealedRecipient };

async function sealSubmission(ctx: SecureCtx, catalogue: Catalogue, input: ApplicationInput, id: string): Promise<SealedSubmission> {
  const accessCode = newReceiptCode(80);
  const { consents: _consents, ...draft } = input;
  const [columns, accessCodeHash, sealedCode, recipient] = await Promise.all([
    sealApplication(ctx.keys, id, draft, catalogue),
    hashReceiptCode(accessCode),
    sealField(ctx.keys, receiptContext(id), accessCode),
    sealRecipient(ctx, input.guardians[0]!.phone, receiptSms(REFERENCE_SLOT, accessCode)),
  ]);
  return { id, accessCode, accessCodeHash, sealedCode, columns, recipient };
}

type Filing = {
  catalogue: Catalogue;
  input: ApplicationInput;
  documents: StoredDocument[];
  childIndex: string;
  sealed: SealedSubmission;
  claim: BatchClaim;
  draftId: string | undefined;
  /** The first application for the child as read before the batch, and its family's phone sealed. */
  prior: { id: string; phone: string | undefined } | null;
  warning: SealedRecipient;
};

/**
 * One attempt: the batch, then what it did. `first_changed` when the claim's guard failed
 * because the first application for the child is no longer the one read before it;
 * `draft_gone` when the draft is no longer a draft and no result is stored for its key.
 */
async function fileOnce(ctx: SecureCtx, f: Filing): Promise<{ result: StoredReceipt; replayed: boolean } | "first_changed" | "draft_gone"> {
  const { db } = ctx;
  const at = ctx.clock.now().toISOString();
  const { id } = f.sealed;
  const firstId = sql`select ${applications.id} from ${applications} where ${applications.intakeId} = ${f.catalogue.intake.id} and ${applications.childIndex} = ${f.childIndex}`;
  const draftState = sql`select ${applications.state} from ${applications} where ${applications.id} = ${f.draftId ?? null}`;
  const guard = f.draftId ? sql`(${firstId}) is ${f.prior?.id ?? null} and (${draftState}) = 'draft'` : sql`(${firstId}) is ${f.prior?.id ?? null}`;
  const mine = claimed(f.claim);
  const year = referenceYear(ctx.clock.now());
  const reference = currentReference("RX", year);
  const stored: StoredReceipt = { applicationId: id, reference: REFERENCE_SLOT, sealedCode: f.sealed.sealedCode, submittedAt: at };
  const statements = [
    claimKey(db, f.claim, at, guard),
    db.run(bumpReference("RX", year, mine)),
    applicationRow(ctx, f, at, reference, mine),
    ...f.documents.map((d) => db.run(insertSelect(applicationDocuments, { ...d, applicationId: id, uploadedAt: at }, mine))),
    db.run(insertSelect(applicationEvents, { applicationId: id, at, event: "submit", toState: "submitted", message: "申请已提交，等待审核。" }, mine)),
    auditWhen(db, ctx, { action: "enrolment.submit", outcome: "success", objectType: "application", objectId: id }, mine),
    // The receipt itself, so a family that loses the page still has it (issue 16 item 7); the body is sealed.
    queueWhen(db, ctx, receiptMessage(f.input, id, f.sealed.accessCode), f.sealed.recipient, mine, reference),
    ...(f.prior ? tellFirstFamily(ctx, f.catalogue.enquiryPhone, f.prior, f.warning, mine) : []),
    storeResult(db, f.claim, JSON.stringify(stored), REFERENCE_SLOT, reference),
    readStored(db, f.claim),
    db.get(sql`select (${draftState}) as state`),
  ];
  const results = await db.batch(statements as unknown as Parameters<typeof db.batch>[0]);
  const outcome = storedOutcome<StoredReceipt>(results.at(-2) as { requestHash: string; resultJson: string }[], f.claim, (r) => r.applicationId === id);
  if (outcome) return outcome;
  return f.draftId && (results.at(-1) as { state: string | null } | undefined)?.state !== "draft" ? "draft_gone" : "first_changed";
}

/** The application row: a new one, or the draft turned into the application in place. */
function applicationRow(ctx: SecureCtx, f: Filing, at: string, reference: SQL, when: SQL) {
  const { db } = ctx;
  const { id } = f.sealed;
  const values = {
    intakeId: f.catalogue.intake.id,
    state: "submitted" as const,
    ...f.sealed.columns,
    ...(f.prior ? { duplicateOf: f.prior.id } : { childIndex: f.childIndex }),
    accessCodeHash: f.sealed.accessCodeHash,
    consentNoticeVersion: PRIVACY_NOTICE_VERSION,
    consentAt: at,
    consentGuardian: CONSENTING_GUARDIAN,
    specialNeedsConsent: f.input.specialNeeds.has === "yes" && f.input.specialNeeds.consent === "yes",
    submittedAt: at,
    round: applicationRound(f.catalogue.intake, new Date(at)),
    retainUntil: retainUntil(f.catalogue.intake, RETENTION.applicationMonths),
    updatedAt: at,
  };
  if (f.draftId) {
    return db
      .update(applications)
      .set({ ...values, reference: sql`(${reference})` })
      .where(and(eq(applications.id, f.draftId), eq(applications.state, "draft"), when));
  }
  return db.run(insertSelect(applications, { id, ...values, reference, createdAt: at }, when));
}

function receiptMessage(input: ApplicationInput, id: string, accessCode: string) {
  return {
    channel: "sms" as const,
    to: input.guardians[0]!.phone,
    subject: "入学申请已受理",
    body: receiptSms(REFERENCE_SLOT, accessCode),
    about: { kind: "application" as const, id },
    secret: true,
  };
}

/** The first family hears that someone tried to apply again for its child (no details); the attempt is audited. */
function tellFirstFamily(ctx: SecureCtx, enquiryPhone: string, first: { id: string; phone: string | undefined }, sealed: SealedRecipient, when: SQL) {
  const audit = auditWhen(ctx.db, ctx, { action: "enrolment.submit", outcome: "denied", objectType: "application", objectId: first.id, detail: "duplicate_child" }, when);
  if (!first.phone) return [audit];
  const message = {
    channel: "sms" as const,
    to: first.phone,
    subject: "有人再次为您的孩子提交入学申请",
    body: `有人为您的孩子再次提交了本批次的入学申请。招生部门会核查，您的申请不受影响。如不是您家人所为，请致电区教育局招生咨询电话${enquiryPhone}。`,
    about: { kind: "application" as const, id: first.id },
  };
  return [audit, queueWhen(ctx.db, ctx, message, sealed, when, sql`null`)];
}
