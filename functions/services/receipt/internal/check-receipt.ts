/**
 * The one receipt check for both tracking flows (SECURITY.md item 14, issue 22 item 1): a
 * reference and a code, both POSTed, never in a URL. The code is normalised and hashed, and
 * the hash compared in constant time with the stored one. No count ever refuses the right
 * code: the per-client limit sits on the route (./receipt-policy `perClient`), and wrong
 * codes for a reference only slow that reference's later lookups by a bounded delay
 * (`perReference`), applied before the comparison. An unknown reference and a wrong code
 * take the same path and cost: the same hash, a comparison (against a dummy hash when there
 * is no row), the same per-reference counter (kept for any typed reference, so slowing
 * itself tells nobody which references exist), one audit row naming the reference, and the
 * same reply.
 */
import { encodeHexLowerCase } from "@oslojs/encoding";
import { DomainError } from "../../../../src/domain/errors";
import { hashReceiptCode } from "../../../platform/receipt-code";
import { writeAudit } from "../../audit/internal/write-audit";
import type { ServiceCtx } from "../../context";
import { consumeRateLimit, peekRateLimit } from "../../rate-limit/internal/consume-rate-limit";
import { RECEIPT_NOT_FOUND, referenceDelayMs, type ReceiptPolicy } from "./receipt-policy";

/** What the check reads of a row: the stored hash of its code. */
export type ReceiptFacts = { codeHash: string | null };

/** Finds a flow's row by its (already normalised) reference. */
export type ReceiptFinder<Row> = (ctx: ServiceCtx, reference: string) => Promise<{ row: Row; facts: ReceiptFacts } | undefined>;

/** Compared against when there is no row, so an unknown reference costs what a wrong code does. */
const NO_ROW_HASH = "0".repeat(64);
/** Audit ids and counter keys never hold more of a typed reference than this. */
const MAX_REFERENCE_LENGTH = 40;

export function timingSafeEqualHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The refusal for an unknown reference or a wrong code; `codeField` is the form's code input. */
export function receiptNotFound(codeField: string): DomainError {
  return new DomainError("not_found", RECEIPT_NOT_FOUND, { fields: [{ path: codeField, message: RECEIPT_NOT_FOUND }] });
}

/**
 * The per-reference counter's key. References are public (listed in Open311), so a plain
 * digest hides nothing that needs a secret; it keeps typed text out of the counters table.
 */
async function referenceKey(policy: ReceiptPolicy, reference: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`receipt-reference\u0000${policy.objectType}\u0000${reference}`));
  return encodeHexLowerCase(new Uint8Array(digest));
}

const wait = (ctx: ServiceCtx, ms: number) => (ms <= 0 ? Promise.resolve() : ctx.clock.sleep ? ctx.clock.sleep(ms) : new Promise<void>((done) => setTimeout(done, ms)));

/** The row the receipt opens, or the one refusal (after counting and auditing it). */
export async function checkReceipt<Row>(
  ctx: ServiceCtx,
  find: ReceiptFinder<Row>,
  policy: ReceiptPolicy,
  receipt: { reference: string; code: string; codeField: string },
): Promise<Row> {
  const reference = receipt.reference.slice(0, MAX_REFERENCE_LENGTH);
  const hash = await hashReceiptCode(receipt.code);
  const key = await referenceKey(policy, reference);
  const found = await find(ctx, reference);
  await wait(ctx, referenceDelayMs(policy.perReference, await peekRateLimit(ctx, policy.perReference, key)));
  const stored = found?.facts.codeHash ?? NO_ROW_HASH;
  const matches = timingSafeEqualHex(hash, stored);
  if (found && found.facts.codeHash && receipt.code.trim() !== "" && matches) return found.row;
  await consumeRateLimit(ctx, { ...policy.perReference, limit: Number.MAX_SAFE_INTEGER }, key);
  await writeAudit(ctx.db, ctx, {
    action: `${policy.objectType}.track_refused`,
    outcome: "failure",
    actor: null,
    objectType: policy.objectType,
    objectId: reference,
    detail: found ? "wrong_code" : "unknown_reference",
  });
  throw receiptNotFound(receipt.codeField);
}
