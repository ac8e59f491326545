/**
 * `recoverAccessCode({ ctx, input: { reference, phone } })`: "忘记查询码" (issue 16 item 7). When
 * the reference exists and the phone is one the family gave on the application, a NEW access
 * code replaces the old one (the old stops working at once, and a pause from wrong guesses
 * is lifted) and is sent by SMS to that phone through the outbox, with a timeline entry and
 * an audit row. Whatever happens, the verb returns nothing and the route gives one reply, so
 * a caller learns neither whether a reference exists nor whether a phone matches; each
 * attempt is audited with its outcome. Each reference takes at most RECOVERIES_PER_DAY
 * replacements a day (counted whether or not it exists; more are ignored, not refused),
 * so a stranger who knows a family's reference and phone cannot flood them with codes.
 * The code and its hash are made before anything is read, so every path does the same work.
 */
import { eq } from "drizzle-orm";
import { applicationEvents, applications } from "../../../db/schema";
import { RecoverCodeInput } from "../../../src/domain/enrolment/recover-code";
import { DomainError } from "../../../src/domain/errors";
import { fieldErrorsOf } from "../../../src/forms/field-errors";
import { blindIndex } from "../../platform/field-crypto";
import { hashReceiptCode, newReceiptCode } from "../../platform/receipt-code";
import { assertNoHoneypot } from "../../middleware/honeypot";
import { writeAudit } from "../audit/internal/write-audit";
import type { SecureCtx } from "../context";
import { enqueueMessage } from "../outbox/internal/enqueue-message";
import { consumeRateLimit } from "../rate-limit/internal/consume-rate-limit";
import { openPersonal } from "./internal/application-record";
import { receiptSms } from "./internal/receipt-sms";

/** The posted fields, checked here with RecoverCodeInput (a malformed request is a 422 with field errors). */
export type RecoverAccessCode = Record<string, unknown>;

export const RECOVERIES_PER_DAY = 3;
const RECOVERY_RULE = { bucket: "enrol-recover-reference", limit: RECOVERIES_PER_DAY, windowSeconds: 24 * 3600 };

export async function recoverAccessCode({ ctx, input }: { ctx: SecureCtx; input: RecoverAccessCode }): Promise<void> {
  const parsed = RecoverCodeInput.safeParse(assertNoHoneypot(input));
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    throw new DomainError("validation", fields[0]!.message, { fields });
  }
  const { reference, phone } = parsed.data;
  const accessCode = newReceiptCode(80);
  const [accessCodeHash, referenceKey] = await Promise.all([hashReceiptCode(accessCode), blindIndex(ctx.keys, "recover-code", reference)]);
  const row = await ctx.db.select().from(applications).where(eq(applications.reference, reference)).get();
  const phones = row ? (await openPersonal(ctx.keys, row)).guardians.map((g) => g.phone) : [];
  const allowed = (await consumeRateLimit(ctx, RECOVERY_RULE, referenceKey)).allowed;
  const matched = phones.includes(phone);
  const audit = { action: "enrolment.recover_code", objectType: "application", objectId: row?.id } as const;
  if (!row || !matched || !allowed) {
    const detail = !row ? "unknown_reference" : !matched ? "phone_mismatch" : "daily_limit";
    await ctx.db.transaction((tx) => writeAudit(tx, ctx, { ...audit, outcome: "denied", detail }));
    return;
  }
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await tx.update(applications).set({ accessCodeHash, failedLookups: 0, lookupLockedUntil: null, updatedAt: at }).where(eq(applications.id, row.id));
    await tx.insert(applicationEvents).values({ applicationId: row.id, at, event: "code_recovered", message: "查询码已重新生成并发送到预留手机，原查询码已失效。" });
    await writeAudit(tx, ctx, { ...audit, outcome: "success" });
    await enqueueMessage(tx, ctx, {
      channel: "sms",
      to: phone,
      subject: "入学申请查询码已重新生成",
      body: receiptSms(reference, accessCode, true),
      about: { kind: "application", id: row.id },
      secret: true,
    });
  });
}
