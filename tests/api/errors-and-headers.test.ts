import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appMeta } from "../../db/schema";
import { API_SECURITY_HEADERS } from "../../functions/middleware/security-headers";
import { DomainError } from "../../src/domain/errors";
import { useTempDb } from "../fixtures/temp-db";
import { buildTestApp } from "../fixtures/test-app";

const ErrorBody = z.strictObject({
  code: z.string(),
  message: z.string().min(1),
  requestId: z.string().min(8),
  fields: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
});

describe("API errors and headers", () => {
  const tempDb = useTempDb();

  it("answers an unknown /api path with a JSON 404", async () => {
    const { app } = buildTestApp(tempDb());
    const res = await app.request("/api/no-such-thing", { method: "POST" });
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    const body = ErrorBody.parse(await res.json());
    expect(body.code).toBe("not_found");
    expect(body.message).toMatch(/接口/);
    expect(body.requestId).toBe(res.headers.get("X-Request-Id"));
  });

  it("puts the security headers and no-store on every API response", async () => {
    const { app } = buildTestApp(tempDb());
    for (const path of ["/api/health", "/api/no-such-thing"]) {
      const res = await app.request(path);
      for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) expect(res.headers.get(name), `${path} ${name}`).toBe(value);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      const csp = res.headers.get("Content-Security-Policy") ?? "";
      for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
      expect(csp).not.toContain("unsafe-inline");
      const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get("Strict-Transport-Security") ?? "")?.[1]);
      expect(maxAge).toBeGreaterThanOrEqual(31_536_000);
      expect(res.headers.get("Strict-Transport-Security")).toContain("includeSubDomains");
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("Referrer-Policy")).toBeTruthy();
    }
  });

  it("turns a domain error into { code, message, requestId, fields } with its status", async () => {
    const { app } = buildTestApp(tempDb());
    app.post("/validate", () => {
      throw new DomainError("validation", "存在以下问题", { fields: [{ path: "child.name", message: "请输入孩子的姓名" }] });
    });
    app.post("/busy", () => {
      throw new DomainError("rate_limited", "提交太频繁，请稍后再试。", { retryAfter: 60 });
    });
    const invalid = await app.request("/api/validate", { method: "POST" });
    expect(invalid.status).toBe(422);
    expect(ErrorBody.parse(await invalid.json())).toMatchObject({
      code: "validation",
      fields: [{ path: "child.name", message: "请输入孩子的姓名" }],
    });
    const busy = await app.request("/api/busy", { method: "POST" });
    expect(busy.status).toBe(429);
    expect(busy.headers.get("Retry-After")).toBe("60");
  });

  it("answers a transaction that queries through the outer db with 500, not a hang or a 503, and keeps serving", async () => {
    const { app, log, deps } = buildTestApp(tempDb());
    app.get("/nested", async (c) => {
      await deps.db.transaction(async () => {
        await deps.db.select().from(appMeta); // should have been tx
      });
      return c.json({ ok: true });
    });
    const res = await app.request("/api/nested");
    expect(res.status).toBe(500);
    expect(ErrorBody.parse(await res.json()).code).toBe("internal");
    expect(log.lines.map((l) => l.event)).toContain("request.failed");
    expect(log.lines.map((l) => l.event)).not.toContain("request.database_unavailable");
    expect((await app.request("/api/health")).status).toBe(200);
  });

  it("hides an unexpected error behind a generic message and a request id", async () => {
    const { app, log } = buildTestApp(tempDb());
    app.get("/boom", () => {
      throw new Error("SQLITE_ERROR near 11010519491231002X");
    });
    const res = await app.request("/api/boom", { headers: { "X-Request-Id": "req-test-0001" } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("11010519491231002X");
    expect(text).not.toContain("SQLITE");
    const body = ErrorBody.parse(JSON.parse(text));
    expect(body).toMatchObject({ code: "internal", requestId: "req-test-0001" });
    expect(JSON.stringify(log.lines)).not.toContain("11010519491231002X");
    expect(log.lines).toContainEqual(expect.objectContaining({ level: "error", event: "request.failed" }));
  });
});
