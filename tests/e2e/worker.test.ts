/**
 * The Cloudflare entry, run for real in workerd by `wrangler dev` on the built Worker: the
 * same Hono app answers /api/* through @libsql/client/web, and Astro's handler serves the
 * prerendered pages from the assets binding with the `_headers` rules. No Turso server is
 * reachable here, so the database is a closed loopback port: health must say 503.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_SECURITY_HEADERS, PAGE_SECURITY_HEADERS, SEARCH_PAGE_SECURITY_HEADERS } from "../../functions/middleware/security-headers";
import { HealthBody } from "../../functions/routes/health";
import { closedPort } from "../../support/ports";
import { startWorker, stopWorker, type Worker } from "./wrangler-dev";

const key = () => randomBytes(32).toString("base64");

describe("the Worker entry in workerd", () => {
  let configured: Worker;
  let misconfigured: Worker;

  beforeAll(async () => {
    const database = `http://127.0.0.1:${await closedPort()}`;
    [configured, misconfigured] = await Promise.all([
      startWorker({ LIBSQL_URL: database, DATA_KEY: key(), INDEX_KEY: key(), AUTH_SECRET: key() }),
      startWorker({ LIBSQL_URL: database }),
    ]);
  });
  afterAll(() => {
    stopWorker(configured);
    stopWorker(misconfigured);
  });

  it("answers /api/health from the Hono app: 503 while the database is unreachable", async () => {
    const res = await fetch(`${configured.url}/api/health`);
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("30");
    expect(HealthBody.parse(await res.json())).toMatchObject({ status: "unavailable", database: "unreachable" });
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) expect(res.headers.get(name), name).toBe(value);
  });

  it("fails staff sign-in closed with 503 while the database is unreachable, setting no cookie", async () => {
    const res = await fetch(`${configured.url}/api/staff/auth/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "same-origin" },
      body: JSON.stringify({ email: "a@jyj.example.gov.cn", password: "a long passphrase" }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("30");
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("sends /enrol/results/ and /enrol/draw-log/ to the app (rendered from the database: 503 while it is unreachable, not the 404 page)", async () => {
    for (const page of ["/enrol/results/", "/enrol/draw-log/"]) {
      const res = await fetch(`${configured.url}${page}`);
      expect(res.status, page).toBe(503);
      expect(res.headers.get("Retry-After"), page).toBe("30");
    }
    expect((await fetch(`${configured.url}/enrol/results/verify/`)).status).toBe(200);
  });

  it("serves the staff console shells no-store", async () => {
    const res = await fetch(`${configured.url}/staff/sign-in/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("answers an unknown /api path with the JSON 404", async () => {
    const res = await fetch(`${configured.url}/api/no-such-thing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "not_found" });
  });

  it("serves the prerendered home and 404 pages with the page security headers", async () => {
    const home = await fetch(`${configured.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(">清溪区义务教育均衡发展公开平台</h1>");
    const missing = await fetch(`${configured.url}/no-such-page`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("找不到页面");
    for (const res of [home, missing]) {
      for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) expect(res.headers.get(name), name).toBe(value);
    }
  });

  it("gives the search page, and only it, the CSP that lets Pagefind run WebAssembly", async () => {
    const search = await fetch(`${configured.url}/search/`);
    expect(search.status).toBe(200);
    for (const [name, value] of Object.entries(SEARCH_PAGE_SECURITY_HEADERS)) expect(search.headers.get(name), name).toBe(value);
    const policy = await fetch(`${configured.url}/policy/4/`);
    expect(policy.headers.get("Content-Security-Policy")).toBe(PAGE_SECURITY_HEADERS["Content-Security-Policy"]);
  });

  it("fails API requests closed, in the API's shape, when production secrets are missing", async () => {
    const res = await fetch(`${misconfigured.url}/api/health`);
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ code: "unavailable", message: "服务暂时不可用，请稍后再试。" });
    expect(text).not.toMatch(/DATA_KEY|ConfigError/);
    expect(res.headers.get("Content-Security-Policy")).toBe(API_SECURITY_HEADERS["Content-Security-Policy"]);
  });
});
