/**
 * Idempotent writes (SECURITY.md item 12). A client sends an `Idempotency-Key` with a
 * submission; the first request with that key runs its work and, in the same transaction,
 * stores a hash of the body and the JSON result. A retry with the same body gets the stored
 * result back without running anything; the same key with another body is refused (422).
 * Parallel first attempts: on the Node entry transactions are serialised, so the second
 * finds the first's row when it starts; on a remote libSQL server the key is claimed (inserted)
 * before the work runs, the loser's claim hits the primary key (or SQLITE_BUSY) and rolls
 * back, and the row is read again once the winner has committed. Either way the work runs
 * once. Results must be plain JSON (ids, references, statuses), never secrets.
 */
import { and, eq } from "drizzle-orm";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { idempotencyKeys } from "../../../../db/schema";
import { DomainError } from "../../../../src/domain/errors";
import { isConflictError } from "../../../platform/db-errors";
import type { ServiceCtx, Tx } from "../../context";

export const IDEMPOTENCY_MISMATCH = "同一个幂等键不能用于不同的内容。请刷新页面后重新提交。";

/** JSON with object keys sorted at every level, so key order never changes the hash. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Uint8Array) return canonicalJson(Array.from(value));
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export async function requestHashOf(body: unknown): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonicalJson(body)));
  return encodeHexLowerCase(new Uint8Array(digest));
}

/** The one rule for an `Idempotency-Key`, on every route that takes one, and its message. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,128}$/;
export const IDEMPOTENCY_KEY_MESSAGE = "Idempotency-Key应为8到128个可见字符（英文字母、数字或符号，不含空格），请刷新页面后重新提交。";

/**
 * The Idempotency-Key header: undefined when absent or blank; the key when it is 8–128 visible
 * ASCII characters; otherwise refused (422), so a client never believes a retry is safe when
 * the key was not used.
 */
export function idempotencyKeyOf(headerValue: string | undefined): string | undefined {
  const v = headerValue?.trim();
  if (!v) return undefined;
  if (!IDEMPOTENCY_KEY_PATTERN.test(v)) throw new DomainError("validation", IDEMPOTENCY_KEY_MESSAGE);
  return v;
}

export type Stored = { requestHash: string; resultJson: string };
type Outcome<T> = { result: T; replayed: boolean };

export function replay<T>(row: Stored, requestHash: string): Outcome<T> {
  if (row.requestHash !== requestHash) throw new DomainError("validation", IDEMPOTENCY_MISMATCH);
  return { result: JSON.parse(row.resultJson) as T, replayed: true };
}

/** Thrown inside the transaction when another request holds or has committed the same key. */
class KeyTaken extends Error {
  override name = "KeyTaken";
}

const MAX_ATTEMPTS = 6;
const PENDING = "null";

export async function withIdempotency<T extends object>(
  ctx: ServiceCtx,
  req: { scope: string; key: string; body: unknown },
  work: (tx: Tx) => Promise<T>,
): Promise<Outcome<T>> {
  const requestHash = await requestHashOf(req.body);
  const where = and(eq(idempotencyKeys.scope, req.scope), eq(idempotencyKeys.key, req.key));
  const readStored = (db: Pick<Tx, "select">) =>
    db.select({ requestHash: idempotencyKeys.requestHash, resultJson: idempotencyKeys.resultJson }).from(idempotencyKeys).where(where).get();

  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction(async (tx): Promise<Outcome<T>> => {
        const seen = await readStored(tx);
        if (seen) return replay<T>(seen, requestHash);
        // Claim the key before the work, so a conflict here (and only here) means "another
        // request got this key": the work's own constraint errors pass through untouched.
        try {
          await tx.insert(idempotencyKeys).values({ scope: req.scope, key: req.key, requestHash, resultJson: PENDING, createdAt: ctx.clock.now().toISOString() });
        } catch (error) {
          if (isConflictError(error)) throw new KeyTaken();
          throw error;
        }
        const result = await work(tx);
        await tx.update(idempotencyKeys).set({ resultJson: JSON.stringify(result) }).where(where);
        return { result, replayed: false };
      });
    } catch (error) {
      if (!(error instanceof KeyTaken) || attempt >= MAX_ATTEMPTS) throw error;
      // The other request has committed (read its result) or is still running (wait, try again).
      const seen = await readStored(ctx.db);
      if (seen && seen.resultJson !== PENDING) return replay<T>(seen, requestHash);
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
    }
  }
}
