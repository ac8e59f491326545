/**
 * The one receipt check for both tracking flows (SECURITY.md item 14): a reference and a
 * code, both POSTed, never in a URL. The code is normalised and hashed, and the hash is
 * compared in constant time with the stored one. An unknown reference, a wrong code and a
 * reference locked for good get the same reply (same error, message and status), so the
 * answer never tells a guesser which references exist. Wrong codes are counted per
 * reference in one statement (parallel guesses cannot slip past the count), and the flow's
 * policy (./receipt-policy) decides when the reference stops answering. Each flow gives its
 * table through a small store.
 */
import { DomainError } from "../../../../src/domain/errors";
import { hashReceiptCode } from "../../../platform/receipt-code";
import type { ServiceCtx } from "../../context";
import { RECEIPT_NOT_FOUND, receiptLockedMessage, type ReceiptPolicy } from "./receipt-policy";

/** What the check reads of a row: its code's hash, its failure count and any pause. */
export type ReceiptFacts = { id: string; codeHash: string | null; failedLookups: number; lockedUntil: string | null };

export type ReceiptStore<Row> = {
  find(ctx: ServiceCtx, reference: string): Promise<{ row: Row; facts: ReceiptFacts } | undefined>;
  /** Adds one failure; `lockUntil` is set only when this failure reaches the limit (one statement). */
  countFailure(ctx: ServiceCtx, id: string, o: { maxFailures: number; lockUntil: string | null }): Promise<void>;
  reset(ctx: ServiceCtx, id: string): Promise<void>;
};

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

/** The row the receipt opens, or the one refusal (after counting the failure). */
export async function checkReceipt<Row>(
  ctx: ServiceCtx,
  store: ReceiptStore<Row>,
  policy: ReceiptPolicy,
  receipt: { reference: string; code: string; codeField: string },
): Promise<Row> {
  const now = ctx.clock.now();
  const found = await store.find(ctx, receipt.reference);
  const hash = await hashReceiptCode(receipt.code);
  if (!found || !found.facts.codeHash) throw receiptNotFound(receipt.codeField);
  const { facts } = found;
  const stored = found.facts.codeHash;
  if (policy.lockMinutes === null && facts.failedLookups >= policy.maxFailures) throw receiptNotFound(receipt.codeField);
  if (facts.lockedUntil && facts.lockedUntil > now.toISOString()) {
    const retryAfter = Math.ceil((Date.parse(facts.lockedUntil) - now.getTime()) / 1000);
    throw new DomainError("rate_limited", receiptLockedMessage(policy), { retryAfter });
  }
  if (receipt.code.trim() !== "" && timingSafeEqualHex(hash, stored)) {
    if (facts.failedLookups > 0) await store.reset(ctx, facts.id);
    return found.row;
  }
  const lockUntil = policy.lockMinutes === null ? null : new Date(now.getTime() + policy.lockMinutes * 60 * 1000).toISOString();
  await store.countFailure(ctx, facts.id, { maxFailures: policy.maxFailures, lockUntil });
  throw receiptNotFound(receipt.codeField);
}
