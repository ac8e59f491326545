import { and, like, lt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appMeta, idempotencyKeys, outboxMessages, rateLimitCounters } from "../../../db/schema";
import { runPurge } from "../../../functions/cli/purge-command";
import { consumeRateLimit } from "../../../functions/middleware/rate-limit";
import type { Purger } from "../../../functions/services/retention/internal/purger";
import { PURGERS } from "../../../functions/services/retention/internal/purgers";
import { useTempDb } from "../../fixtures/temp-db";
import { fixedClock } from "../../fixtures/test-app";

/** A test purger: `test:` rows of app_meta older than 30 days by the purge's clock are deleted. */
const oldTestRows: Purger = {
  name: "test-rows",
  async purge({ ctx: { db, clock } }) {
    const before = new Date(clock.now().getTime() - 30 * 86_400_000).toISOString();
    const gone = await db.delete(appMeta).where(and(like(appMeta.key, "test:%"), lt(appMeta.updatedAt, before))).returning({ key: appMeta.key });
    return { deleted: gone.length, anonymised: 0 };
  },
};
const broken: Purger = {
  name: "broken",
  purge: async () => {
    throw new TypeError("boom");
  },
};

describe("npm run purge", () => {
  const tempDb = useTempDb();
  const env = () => ({ LIBSQL_URL: tempDb().url, UPLOAD_DIR: `${tempDb().dir}/uploads` });

  async function insertRows() {
    await tempDb().db.insert(appMeta).values([
      { key: "test:old", value: "1", updatedAt: "2031-06-01T00:00:00.000Z" },
      { key: "test:new", value: "2", updatedAt: "2031-08-20T00:00:00.000Z" },
    ]);
  }

  it("runs each purger at the date given by --now and prints its counts", async () => {
    await insertRows();
    const result = await runPurge(["--now", "2031-09-01"], env(), [oldTestRows]);
    expect(result.code).toBe(0);
    expect(result.lines).toEqual(["Retention purge at 2031-09-01T00:00:00.000Z: 1 purger(s)", "  test-rows: 1 deleted, 0 anonymised"]);
    const left = await tempDb().db.select({ key: appMeta.key }).from(appMeta).where(like(appMeta.key, "test:%")).all();
    expect(left).toEqual([{ key: "test:new" }]);
  });

  it("removes nothing when run at an earlier date", async () => {
    await insertRows();
    const result = await runPurge(["--now", "2031-06-15T12:00:00Z"], env(), [oldTestRows]);
    expect(result.lines[1]).toBe("  test-rows: 0 deleted, 0 anonymised");
  });

  it("reports a failing purger, still runs the others, and exits non-zero", async () => {
    await insertRows();
    const result = await runPurge(["--now", "2031-09-01"], env(), [broken, oldTestRows]);
    expect(result.code).toBe(1);
    expect(result.lines.slice(1)).toEqual(["  broken: FAILED (TypeError)", "  test-rows: 1 deleted, 0 anonymised"]);
  });

  it("refuses a --now that is not a date", async () => {
    const result = await runPurge(["--now", "next tuesday"], env(), [oldTestRows]);
    expect(result.code).toBe(2);
    expect(result.lines[0]).toContain("--now must be a date");
  });

  it("registers the rate-limit counters purger, which deletes counters older than a day", async () => {
    expect(PURGERS.map((p) => p.name)).toContain("rate-limit-counters");
    const rule = { bucket: "b", limit: 5, windowSeconds: 3600 };
    await consumeRateLimit({ db: tempDb().db, clock: fixedClock("2031-08-30T10:00:00.000Z") }, rule, "k1");
    await consumeRateLimit({ db: tempDb().db, clock: fixedClock("2031-08-31T10:00:00.000Z") }, rule, "k2");
    const result = await runPurge(["--now", "2031-08-31T12:00:00.000Z"], env());
    expect(result.lines).toContain("  rate-limit-counters: 1 deleted, 0 anonymised");
    expect((await tempDb().db.select({ k: rateLimitCounters.clientKey }).from(rateLimitCounters).all()).map((r) => r.k)).toEqual(["k2"]);
  });

  it("deletes idempotency keys older than a week", async () => {
    const row = (key: string, createdAt: string) => ({ scope: "test", key, requestHash: "h", resultJson: "{}", createdAt });
    await tempDb().db.insert(idempotencyKeys).values([row("old", "2031-08-20T00:00:00.000Z"), row("recent", "2031-08-28T00:00:00.000Z")]);
    const result = await runPurge(["--now", "2031-09-01"], env());
    expect(result.lines).toContain("  idempotency-keys: 1 deleted, 0 anonymised");
    expect((await tempDb().db.select({ key: idempotencyKeys.key }).from(idempotencyKeys).all()).map((r) => r.key)).toEqual(["recent"]);
  });

  it("deletes sent and failed messages older than 90 days, and never a pending one", async () => {
    const message = (id: string, status: "pending" | "sent" | "failed", createdAt: string) => ({
      id, channel: "sms" as const, recipientSealed: "k1.x.y", recipientMasked: "138****5678", subject: "s", body: "b",
      aboutKind: "complaint" as const, aboutId: "c1", status, attempts: 1, createdAt,
    });
    await tempDb().db.insert(outboxMessages).values([
      message("old-sent", "sent", "2031-05-01T00:00:00.000Z"),
      message("old-failed", "failed", "2031-05-01T00:00:00.000Z"),
      message("old-pending", "pending", "2031-05-01T00:00:00.000Z"),
      message("recent-sent", "sent", "2031-08-01T00:00:00.000Z"),
    ]);
    const result = await runPurge(["--now", "2031-09-01"], env());
    expect(result.lines).toContain("  outbox-messages: 2 deleted, 0 anonymised");
    const left = (await tempDb().db.select({ id: outboxMessages.id }).from(outboxMessages).all()).map((r) => r.id).sort();
    expect(left).toEqual(["old-pending", "recent-sent"]);
  });
});
