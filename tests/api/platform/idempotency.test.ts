/**
 * withIdempotency and nextReference on a real libSQL file, behind a small Hono route shaped
 * like a submission endpoint (the app's own request id and onError), so the HTTP answers
 * (201 first, 200 replay, 422 for a reused key) are checked as a client sees them.
 */
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { describe, expect, it } from "vitest";
import { idempotencyKeys, referenceCounters } from "../../../db/schema";
import { handleError } from "../../../functions/error-response";
import { IDEMPOTENCY_KEY_MESSAGE, idempotencyKeyOf, IDEMPOTENCY_MISMATCH, withIdempotency } from "../../../functions/services/idempotency/internal/with-idempotency";
import { nextReference } from "../../../functions/services/references/internal/next-reference";
import { DomainError } from "../../../src/domain/errors";
import { useTempDb } from "../../fixtures/temp-db";
import { fixedClock, recordingLogger } from "../../fixtures/test-app";

describe("idempotent submissions", () => {
  const tempDb = useTempDb();

  function submissionApp(options: { failOnce?: boolean } = {}) {
    let executions = 0;
    let fail = options.failOnce ?? false;
    const log = recordingLogger();
    const app = new Hono()
      .use(requestId())
      .post("/submit", async (c) => {
        const key = idempotencyKeyOf(c.req.header("Idempotency-Key"));
        if (!key) throw new DomainError("validation", "缺少幂等键");
        const body = await c.req.json();
        const ctx = { db: tempDb().db, clock: fixedClock(), log, requestId: c.var.requestId };
        const { result, replayed } = await withIdempotency(ctx, { scope: "test.submit", key, body }, async (tx) => {
          executions++;
          const reference = await nextReference(tx, "RX", 2026);
          if (fail) {
            fail = false;
            throw new Error("simulated failure after the reference was taken");
          }
          return { reference };
        });
        return c.json({ ...result, replayed }, replayed ? 200 : 201);
      });
    app.onError(handleError(log));
    return { app, executions: () => executions };
  }

  const send = (app: Hono, key: string, body: unknown) =>
    app.request("/submit", { method: "POST", headers: { "Content-Type": "application/json", "Idempotency-Key": key }, body: JSON.stringify(body) });

  it("runs 20 parallel identical requests once, and every one gets the same reference", async () => {
    const { app, executions } = submissionApp();
    const body = { child: { name: "王小明" }, preferences: ["s1", "s2"] };
    const responses = await Promise.all(Array.from({ length: 20 }, () => send(app, "key-0123456789", body)));
    const answers = await Promise.all(responses.map((r) => r.json() as Promise<{ reference: string; replayed: boolean }>));
    expect(executions()).toBe(1);
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201].sort());
    expect(new Set(answers.map((a) => a.reference))).toEqual(new Set(["RX2026-00001"]));
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(await tempDb().db.select().from(idempotencyKeys).all()).toHaveLength(1);
    expect((await tempDb().db.select().from(referenceCounters).get())!.last).toBe(1);
  });

  it("treats the same body with keys in another order as the same request", async () => {
    const { app, executions } = submissionApp();
    await send(app, "key-0123456789", { a: 1, b: { c: 2, d: [1, 2] } });
    const again = await send(app, "key-0123456789", { b: { d: [1, 2], c: 2 }, a: 1 });
    expect(again.status).toBe(200);
    expect(executions()).toBe(1);
  });

  it("refuses the same key with a different body with 422 and changes nothing", async () => {
    const { app, executions } = submissionApp();
    expect((await send(app, "key-0123456789", { name: "甲" })).status).toBe(201);
    const reused = await send(app, "key-0123456789", { name: "乙" });
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as { message: string }).message).toBe(IDEMPOTENCY_MISMATCH);
    expect(executions()).toBe(1);
    expect((await tempDb().db.select().from(referenceCounters).get())!.last).toBe(1);
  });

  it("stores nothing for a failed attempt, so the retry runs and gets the number the failure gave back", async () => {
    const { app, executions } = submissionApp({ failOnce: true });
    expect((await send(app, "key-0123456789", { x: 1 })).status).toBe(500);
    expect(await tempDb().db.select().from(idempotencyKeys).all()).toHaveLength(0);
    const retry = await send(app, "key-0123456789", { x: 1 });
    expect(retry.status).toBe(201);
    expect(((await retry.json()) as { reference: string }).reference).toBe("RX2026-00001");
    expect(executions()).toBe(2);
  });

  it("accepts only 8–128 visible ASCII characters as a key, and refuses any other key instead of ignoring it", () => {
    expect(idempotencyKeyOf("0f6c1c0e-3b7a-4c1e-9d55-6a1d1b2f0a9e")).toBe("0f6c1c0e-3b7a-4c1e-9d55-6a1d1b2f0a9e");
    expect(idempotencyKeyOf("x".repeat(8))).toBe("x".repeat(8));
    expect(idempotencyKeyOf("x".repeat(128))).toBe("x".repeat(128));
    expect(idempotencyKeyOf(undefined)).toBeUndefined();
    expect(idempotencyKeyOf("  ")).toBeUndefined();
    for (const bad of ["short", "x".repeat(7), "has a space in it", "x".repeat(129), "中文中文中文中文中文"])
      expect(() => idempotencyKeyOf(bad), bad).toThrow(IDEMPOTENCY_KEY_MESSAGE);
  });
});

describe("references", () => {
  const tempDb = useTempDb();

  it("are gap-free under 30 parallel submissions, per prefix and per year", async () => {
    const { db } = tempDb();
    const refs = await Promise.all(Array.from({ length: 30 }, () => db.transaction((tx) => nextReference(tx, "RX", 2026))));
    expect(refs.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `RX2026-${String(i + 1).padStart(5, "0")}`));
    expect(await db.transaction((tx) => nextReference(tx, "TS", 2026))).toBe("TS2026-00001");
    expect(await db.transaction((tx) => nextReference(tx, "RX", 2027))).toBe("RX2027-00001");
  });

  it("give a rolled-back submission's number to the next one", async () => {
    const { db } = tempDb();
    expect(await db.transaction((tx) => nextReference(tx, "TS", 2026))).toBe("TS2026-00001");
    await expect(
      db.transaction(async (tx) => {
        expect(await nextReference(tx, "TS", 2026)).toBe("TS2026-00002");
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.transaction((tx) => nextReference(tx, "TS", 2026))).toBe("TS2026-00002");
  });
});
