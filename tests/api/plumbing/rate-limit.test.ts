import { describe, expect, it } from "vitest";
import { rateLimitCounters } from "../../../db/schema";
import { consumeRateLimit, rateLimitClientKey } from "../../../functions/middleware/rate-limit";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock, TEST_CLIENT_ADDRESS, TEST_CLIENT_HEADER } from "../../fixtures/test-app";
import { buildStaffApp, post } from "../../fixtures/staff";
import { plumbingApp } from "./plumbing-app";

const hit = (app: ReturnType<typeof plumbingApp>, client?: string) =>
  app.request("/limited", { method: "POST", headers: client ? { [TEST_CLIENT_HEADER]: client } : {} });

describe("per-client rate limits kept in the database", () => {
  const tempDb = useTempDb();

  it("let exactly 10 of 30 parallel requests through a limit of 10 and answer the rest 429 with Retry-After", async () => {
    const clock = fixedClock("2026-09-01T08:20:00.000Z");
    const app = plumbingApp(buildTestApp(tempDb(), { clock }).deps);
    const answers = await Promise.all(Array.from({ length: 30 }, () => hit(app)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    const refused = answers.find((r) => r.status === 429)!;
    // The hour window started at 08:00; 40 minutes remain.
    expect(refused.headers.get("Retry-After")).toBe(String(40 * 60));
    const error = await refused.json();
    expect(error).toMatchObject({ code: "rate_limited", message: "操作太频繁，请在40分钟后再试。" });
  });

  it("count each client separately and open again in the next window", async () => {
    const clock = fixedClock("2026-09-01T08:59:00.000Z");
    const app = plumbingApp(buildTestApp(tempDb(), { clock }).deps);
    for (let i = 0; i < 10; i++) expect((await hit(app)).status).toBe(200);
    expect((await hit(app)).status).toBe(429);
    expect((await hit(app, "198.51.100.7")).status).toBe(200);
    clock.set("2026-09-01T09:00:00.000Z");
    expect((await hit(app)).status).toBe(200);
  });

  it("store a keyed hash of the address, never the address itself", async () => {
    const { deps } = buildTestApp(tempDb());
    await hit(plumbingApp(deps));
    const rows = await tempDb().db.select().from(rateLimitCounters).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.clientKey).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.clientKey).toBe(await rateLimitClientKey(deps.config.secrets.INDEX_KEY, TEST_CLIENT_ADDRESS));
    expect(JSON.stringify(rows)).not.toContain(TEST_CLIENT_ADDRESS);
    expect(await rateLimitClientKey("b".repeat(43) + "=", TEST_CLIENT_ADDRESS)).not.toBe(rows[0]!.clientKey);
  });

  it("can be used directly by a service with its own key (e.g. failed codes per reference)", async () => {
    const ctx = { db: tempDb().db, clock: fixedClock() };
    const rule = { bucket: "test-direct", limit: 2, windowSeconds: 900 };
    const key = await rateLimitClientKey("a".repeat(43) + "=", "RX2026-00042");
    expect((await consumeRateLimit(ctx, rule, key)).allowed).toBe(true);
    expect((await consumeRateLimit(ctx, rule, key)).allowed).toBe(true);
    expect(await consumeRateLimit(ctx, rule, key)).toEqual({ allowed: false, count: 3, retryAfterSeconds: 900 });
  });
});

describe("staff sign-in rate limit", () => {
  const tempDb = useTempDb();

  // Each refused password costs one argon2id hash (~0.4 s), hence the longer timeout.
  it("answers 429 to the 21st sign-in attempt from one client within 15 minutes, before checking any password", { timeout: 90_000 }, async () => {
    const { app } = buildStaffApp(tempDb());
    // A different unknown e-mail each time, so the per-account lockout never triggers.
    for (let i = 0; i < 20; i++) {
      const res = await post(app, "/api/staff/auth/sign-in", { email: `nobody${i}@jyj.example.gov.cn`, password: "not the password" });
      expect(res.status).toBe(401);
    }
    const refused = await post(app, "/api/staff/auth/sign-in", { email: "nobody99@jyj.example.gov.cn", password: "not the password" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});
