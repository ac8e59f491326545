/**
 * `submitComplaint`: a citizen files a complaint. One transaction holds the case row, its
 * first event, the audit row, the reference counter and (for named filers) the outbox
 * message, under the client's Idempotency-Key when it sent one, so a retry returns the
 * same reference and adds nothing (SECURITY.md item 12). The filer's identity is sealed
 * with field-crypto bound to the case id; the receipt code (130 bits, SECURITY.md item 14)
 * is returned once and stored only as a hash. The idempotency record keeps the code sealed,
 * never in clear, so a replay can hand the same code back.
 */
import { complaints } from "../../../db/schema";
import { leadDepartmentOf } from "../../../src/domain/complaint/categories";
import { ACCEPT_WITHIN_DAYS } from "../../../src/domain/complaint/deadlines";
import type { SubmitComplaintInput } from "../../../src/domain/complaint/schemas";
import { addDays, shanghaiDate } from "../../../src/domain/complaint/time";
import { DomainError } from "../../../src/domain/errors";
import { openField, sealField } from "../../platform/field-crypto";
import { hashReceiptCode, newReceiptCode } from "../../platform/receipt-code";
import { writeAudit } from "../audit/write-audit";
import type { SecureCtx, Tx } from "../context";
import { withIdempotency } from "../idempotency/with-idempotency";
import { nextReference } from "../references/next-reference";
import { contactContext, notifyFiler } from "./notify-filer";
import { recordEvent } from "./record-event";

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

async function insertComplaint(tx: Tx, ctx: SecureCtx, input: SubmitComplaintInput): Promise<Stored> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const receivedOn = shanghaiDate(now);
  if (input.happenedOn > receivedOn) {
    throw new DomainError("validation", "事情发生的日期不能晚于今天", { fields: [{ path: "happenedOn", message: "事情发生的日期不能晚于今天" }] });
  }
  const id = crypto.randomUUID();
  const reference = await nextReference(tx, "TS", Number(receivedOn.slice(0, 4)));
  const code = newReceiptCode(130);
  const named = input.contact.mode === "named" ? input.contact : null;
  const contactSealed = named
    ? await sealField(ctx.keys, contactContext(id), JSON.stringify({ name: named.name, phone: named.phone, email: named.email }))
    : null;
  await tx.insert(complaints).values({
    id,
    reference,
    receiptCodeHash: await hashReceiptCode(code),
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
  await recordEvent(tx, id, at, { kind: "submit", visibility: "public", actor: null, detail: input.category });
  await writeAudit(tx, ctx, { action: "complaints.submit", outcome: "success", actor: null, objectType: "complaint", objectId: reference, detail: input.contact.mode });
  await notifyFiler(tx, ctx, { id, reference, contactSealed }, `已收到。我们将在 ${ACCEPT_WITHIN_DAYS} 日内决定是否受理并告知您。`);
  return {
    id,
    reference,
    codeSealed: await sealField(ctx.keys, codeContext(id), code),
    receivedOn,
    acceptDue: addDays(receivedOn, ACCEPT_WITHIN_DAYS),
    category: input.category,
    department: leadDepartmentOf(input.category),
    anonymous: !named,
  };
}

export async function submitComplaint({
  ctx,
  input,
  idempotencyKey,
}: {
  ctx: SecureCtx;
  input: SubmitComplaintInput;
  idempotencyKey?: string;
}): Promise<{ complaint: SubmittedComplaint; replayed: boolean }> {
  const run = idempotencyKey
    ? withIdempotency(ctx, { scope: "complaint.submit", key: idempotencyKey, body: input }, (tx) => insertComplaint(tx, ctx, input))
    : ctx.db.transaction(async (tx) => ({ result: await insertComplaint(tx, ctx, input), replayed: false }));
  const { result, replayed } = await run;
  const { id, codeSealed, ...rest } = result;
  ctx.log.info("complaint.submitted", { reference: rest.reference, replayed, requestId: ctx.requestId });
  return { complaint: { ...rest, receiptCode: await openField(ctx.keys, codeContext(id), codeSealed) }, replayed };
}
