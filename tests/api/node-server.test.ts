import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../functions/config";
import { PAGE_SECURITY_HEADERS } from "../../functions/middleware/security-headers";
import { runDbInit } from "../../functions/cli/db-init-command";
import { startNodeServer, type RunningServer } from "../../functions/node-server";
import { HealthBody } from "../../functions/routes/health";
import { tempDir } from "../fixtures/temp-db";
import { recordingLogger, testSecrets } from "../fixtures/test-app";

/** A tiny stand-in for dist/client: the static server's behaviour does not depend on Astro. */
function writeSite(dir: string) {
  mkdirSync(path.join(dir, "_astro"), { recursive: true });
  writeFileSync(path.join(dir, "index.html"), '<!doctype html><html lang="zh-CN"><title>首页</title><h1>首页</h1></html>');
  writeFileSync(path.join(dir, "404.html"), "<!doctype html><h1>找不到页面</h1>");
  writeFileSync(path.join(dir, "_astro", "site.abc123.css"), "body{color:#111}");
  mkdirSync(path.join(dir, "policy"));
  writeFileSync(path.join(dir, "policy", "index.html"), "<h1>政策</h1>");
  writeFileSync(path.join(dir, "_headers"), "/*\n  X-Test: 1\n");
}

describe("the Node entry", () => {
  let dir: string;
  let env: Record<string, string>;
  const running: RunningServer[] = [];

  beforeEach(() => {
    dir = tempDir();
    writeSite(path.join(dir, "site"));
    env = {
      PORT: "0",
      HOST: "127.0.0.1",
      LIBSQL_URL: `file:${path.join(dir, "db", "local.db")}`,
      STATIC_DIR: path.join(dir, "site"),
      UPLOAD_DIR: path.join(dir, "uploads"),
      DEV_SECRETS_FILE: path.join(dir, "db", "dev-secrets.json"),
    };
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.close()));
  });

  async function start(extra: Record<string, string> = {}) {
    const server = await startNodeServer({ ...env, ...extra }, recordingLogger());
    running.push(server);
    return server;
  }

  it("serves the site and /api/* on one port, creating and migrating the database", async () => {
    const server = await start();
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(HealthBody.parse(await health.json()).database).toBe("reachable");
    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("<h1>首页</h1>");
    const section = await fetch(`${server.url}/policy`);
    expect(await section.text()).toContain("政策");
  });

  it("puts the page security headers on static files, with long caching only for hashed assets", async () => {
    const server = await start();
    for (const file of ["/", "/_astro/site.abc123.css", "/no-such-page"]) {
      const res = await fetch(`${server.url}${file}`);
      for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) expect(res.headers.get(name), `${file} ${name}`).toBe(value);
    }
    const css = await fetch(`${server.url}/_astro/site.abc123.css`);
    expect(css.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(css.headers.get("Content-Type")).toMatch(/^text\/css/);
    const html = await fetch(`${server.url}/`);
    expect(html.headers.get("Cache-Control")).toBe("public, max-age=0, must-revalidate");
  });

  it("answers unknown pages with the site's 404 page and hides the platform files", async () => {
    const server = await start();
    const missing = await fetch(`${server.url}/no-such-page`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("找不到页面");
    expect((await fetch(`${server.url}/_headers`)).status).toBe(404);
    expect((await fetch(`${server.url}/%2e%2e/package.json`)).status).toBe(404);
  });

  it("seeds demo data on the first start only, and keeps data across restarts", async () => {
    const first = await start();
    expect(first.seedLines.length).toBeGreaterThan(0);
    await first.close();
    running.splice(running.indexOf(first), 1);
    const second = await start();
    expect(second.seedLines).toEqual([]);
    expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
  });

  it("refuses to start in production without its secrets", async () => {
    await expect(start({ APP_ENV: "production" })).rejects.toThrow(ConfigError);
    await expect(start({ APP_ENV: "production" })).rejects.toThrow(/DATA_KEY: required in production/);
  });

  it("starts in production when every secret is set, without writing demo data", async () => {
    const secrets = testSecrets();
    expect((await runDbInit({ ...env, APP_ENV: "production", ...secrets })).code).toBe(0);
    const server = await start({ APP_ENV: "production", ...secrets });
    expect(server.seedLines).toEqual([]);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
