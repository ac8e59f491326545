/**
 * The pieces of a submission's one atomic batch on a real libSQL file: the reference drawn
 * and read back in SQL reads exactly as `formatReference` writes it (past five digits too); a
 * claimed key's batch stores its result with the reference in it; a second batch with the same
 * key and body writes nothing (the counter keeps its number) and reads the first result back;
 * the same key with another body is refused; a failed guard stores nothing at all.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, referenceCounters } from "../../../db/schema";
import { auditWhen } from "../../../functions/services/audit/internal/write-audit";
import { batchClaim, claimed, claimKey, readStored, storedOutcome, storeResult, type BatchClaim } from "../../../functions/services/idempotency/internal/batch-claim";
import { IDEMPOTENCY_MISMATCH } from "../../../functions/services/idempotency/internal/with-idempotency";
import { bumpReference, currentReference, formatReference } from "../../../functions/services/references/internal/next-reference";
import { useTempDb } from "../../fixtures/temp-db";
import { fixedClock } from "../../fixtures/test-app";

const SLOT = "@@reference@@";

describe("a submission's batch", () => {
  const tempDb = useTempDb();
  const ctx = { clock: fixedClock(), requestId: "req-batch" };

  /** One submission's batch under `claim`, with an audit row naming the reference; returns what it stored. */
  async function file(claim: BatchClaim, owner: string, guard = sql`1`) {
    const { db } = tempDb();
    const reference = currentReference("TS", 2026);
    const mine = claimed(claim);
    const results = await db.batch([
      claimKey(db, claim, "2026-03-01T00:00:00.000Z", guard),
      db.run(bumpReference("TS", 2026, mine)),
      auditWhen(db, ctx, { action: "test.submit", outcome: "success", objectType: "test" }, mine, reference),
      storeResult(db, claim, JSON.stringify({ owner, reference: SLOT }), SLOT, reference),
      readStored(db, claim),
    ]);
    return storedOutcome<{ owner: string; reference: string }>(results[4], claim, (r) => r.owner === owner);
  }
  const counter = async () => (await tempDb().db.select().from(referenceCounters).where(eq(referenceCounters.prefix, "TS")).get())?.last ?? 0;

  it("reads the reference back in SQL exactly as formatReference writes it, past five digits too", async () => {
    const { db } = tempDb();
    for (const n of [1, 2, 42, 99_999, 100_000, 123_456]) {
      await db.insert(referenceCounters).values({ prefix: "TS", year: 2026, last: n - 1 }).onConflictDoUpdate({ target: [referenceCounters.prefix, referenceCounters.year], set: { last: n - 1 } });
      const [, [row]] = await db.batch([db.run(bumpReference("TS", 2026, sql`1`)), db.all<{ reference: string }>(sql`select (${currentReference("TS", 2026)}) as reference`)]);
      expect(row!.reference).toBe(formatReference("TS", 2026, n));
    }
  });

  it("stores the first result with its reference, replays it without drawing a number, and refuses another body", async () => {
    const claim = await batchClaim({ scope: "test.submit", key: "batch-key-0001", body: { a: 1 } }, "first");
    expect(await file(claim, "first")).toEqual({ result: { owner: "first", reference: "TS2026-00001" }, replayed: false });
    const again = await batchClaim({ scope: "test.submit", key: "batch-key-0001", body: { a: 1 } }, "second");
    expect(await file(again, "second")).toEqual({ result: { owner: "first", reference: "TS2026-00001" }, replayed: true });
    expect(await counter()).toBe(1);
    const other = await batchClaim({ scope: "test.submit", key: "batch-key-0001", body: { a: 2 } }, "third");
    await expect(file(other, "third")).rejects.toThrow(IDEMPOTENCY_MISMATCH);
    expect(await counter()).toBe(1);
    const audits = await tempDb().db.select().from(auditLog).all();
    expect(audits.map((a) => a.objectId)).toEqual(["TS2026-00001"]);
  });

  it("stores nothing when the claim's guard fails", async () => {
    const claim = await batchClaim({ scope: "test.submit", key: "batch-key-0002", body: {} }, "guarded");
    expect(await file(claim, "guarded", sql`0`)).toBeNull();
    expect(await counter()).toBe(0);
    expect(await tempDb().db.select().from(auditLog).all()).toEqual([]);
  });
});
