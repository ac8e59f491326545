/**
 * Idempotency inside a submission's one atomic batch (SECURITY.md item 12, issue 20 item 3).
 * The batch's first statement claims the key: it inserts the key with this request's own
 * pending token when the key is free (and the caller's guard holds), and does nothing
 * otherwise. Every write after it is conditioned on `claimed` (the token's row exists), the
 * result is stored in place of the token near the end (as SQL, since it names the reference
 * the batch drew), and the batch's last statement reads the key's row back. Because the batch
 * commits or rolls back as a whole, no other request ever sees a pending token. After the
 * batch, `storedOutcome` tells the three cases apart: our own fresh result, another request's
 * result (a replay: the same answer, or 422 when the body differs), or no row (the guard
 * failed; the caller decides). The interactive path (./with-idempotency) shares the rules.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { idempotencyKeys } from "../../../../db/schema";
import type { Db } from "../../../../db/client";
import { insertSelect } from "../../../platform/insert-select";
import { replay, requestHashOf, type Stored } from "./with-idempotency";

export type BatchClaim = { scope: string; key: string; requestHash: string; token: string };

/** A claim for `key` in `scope` over `body`; `owner` (the new row's id) makes the token unique. */
export async function batchClaim(req: { scope: string; key: string; body: unknown }, owner: string): Promise<BatchClaim> {
  return { scope: req.scope, key: req.key, requestHash: await requestHashOf(req.body), token: `pending:${owner}` };
}

const keyIs = (claim: BatchClaim) => and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key));

/** The first statement: the key, holding the token, when it is free and `guard` holds. */
export function claimKey(db: Db, claim: BatchClaim, at: string, guard: SQL = sql`1`) {
  const values = { scope: claim.scope, key: claim.key, requestHash: claim.requestHash, resultJson: claim.token, createdAt: at };
  return db.run(sql`${insertSelect(idempotencyKeys, values, guard)} on conflict do nothing`);
}

/** True inside the batch once this request holds the key (until `storeResult` replaces the token). */
export function claimed(claim: BatchClaim): SQL {
  return sql`exists (select 1 from idempotency_keys where scope = ${claim.scope} and key = ${claim.key} and result_json = ${claim.token})`;
}

/**
 * Stores the result in place of the token. `template` is the result as JSON with `slot` (a
 * JSON string) where the batch's reference goes; `reference` is that reference as SQL.
 */
export function storeResult(db: Db, claim: BatchClaim, template: string, slot: string, reference: SQL) {
  return db
    .update(idempotencyKeys)
    .set({ resultJson: sql`replace(${template}, ${JSON.stringify(slot)}, json_quote((${reference})))` })
    .where(and(keyIs(claim), eq(idempotencyKeys.resultJson, claim.token)));
}

/** The last statement: the key's row as the batch leaves it. */
export function readStored(db: Db, claim: BatchClaim) {
  return db.select({ requestHash: idempotencyKeys.requestHash, resultJson: idempotencyKeys.resultJson }).from(idempotencyKeys).where(keyIs(claim));
}

/**
 * What the batch did: `fresh` when the stored result is ours (`ours` recognises it by the new
 * row's id), a replay of another request's result (422 when the body differs), or `null` when
 * nothing is stored (the guard failed).
 */
export function storedOutcome<T>(rows: Stored[], claim: BatchClaim, ours: (result: T) => boolean): { result: T; replayed: boolean } | null {
  const row = rows[0];
  if (!row) return null;
  const outcome = replay<T>(row, claim.requestHash);
  return ours(outcome.result) ? { result: outcome.result, replayed: false } : outcome;
}
