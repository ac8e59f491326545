/**
 * The Worker's key check (functions/worker-key-check.ts) on the real app: keys that match
 * the fingerprints the database keeps pass once and are not checked again; keys that do not
 * make every API request a 503 storage fault (`storage.keys_mismatch`), in JSON and as the
 * no-JS page, write nothing, and health names the fault. An unreachable database lets a read
 * go on (an unknown path is still 404) and stops a write.
 */
import { count, like } from "drizzle-orm";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { createDb } from "../../../db/client";
import { appMeta, complaints } from "../../../db/schema";
import { parseConfig } from "../../../functions/config";
import { HealthBody } from "../../../functions/routes/health";
import { workerKeyCheck } from "../../../functions/worker-key-check";
import { postForm, postJson, VALID_COMPLAINT } from "../../fixtures/complaints";
import { closedPort } from "../../../support/ports";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock, testSecrets } from "../../fixtures/test-app";

describe("the Worker's key check", () => {
  const tempDb = useTempDb();

  function workerApp(secrets: ReturnType<typeof testSecrets>) {
    const config = parseConfig({ APP_ENV: "production", LIBSQL_URL: "libsql://db.example", PUBLIC_ORIGIN: "https://portal.example", ...secrets });
    return buildTestApp(tempDb(), { config, keyCheck: workerKeyCheck(tempDb().db, config, fixedClock()) });
  }

  it("records the keys' fingerprints on the first request, then lets requests through", async () => {
    const { app } = workerApp(testSecrets());
    expect((await postJson(app, "/api/complaints", VALID_COMPLAINT)).status).toBe(201);
    expect((await postJson(app, "/api/complaints", VALID_COMPLAINT)).status).toBe(201);
    expect((await app.request("/api/health")).status).toBe(200);
  });

  it("answers 503 storage.keys_mismatch to every request with other keys, writes nothing, and health says so", async () => {
    const { app: first } = workerApp(testSecrets());
    expect((await postJson(first, "/api/complaints", VALID_COMPLAINT)).status).toBe(201);

    const { app, log } = workerApp(testSecrets());
    const json = await postJson(app, "/api/complaints", VALID_COMPLAINT);
    expect(json.status).toBe(503);
    expect(json.headers.get("Retry-After")).toBe("60");
    const body = await json.text();
    expect(JSON.parse(body)).toMatchObject({ code: "unavailable", message: "服务暂时不可用，请稍后再试。" });
    expect(body).not.toMatch(/DATA_KEY|fingerprint/);
    const page = await postForm(app, "/api/complaints", { ...VALID_COMPLAINT });
    expect(page.status).toBe(503);
    expect(page.headers.get("Content-Type")).toMatch(/text\/html/);
    expect(await page.text()).toContain("服务暂时不可用");
    expect(log.lines.some((l) => l.event === "storage.keys_mismatch")).toBe(true);

    const health = await app.request("/api/health");
    expect(health.status).toBe(503);
    expect(HealthBody.parse(await health.json()).problems).toEqual(["storage.keys_mismatch"]);
    const [row] = await tempDb().db.select({ n: count() }).from(complaints);
    expect(row!.n).toBe(1);
  });

  it("checks once per isolate: after a pass, the fingerprints are not read again", async () => {
    const { app } = workerApp(testSecrets());
    expect((await postJson(app, "/api/complaints", VALID_COMPLAINT)).status).toBe(201);
    // Were the check run again, these fingerprints would refuse every key.
    await tempDb().db.update(appMeta).set({ value: "not-a-fingerprint" }).where(like(appMeta.key, "keys.%"));
    expect((await postJson(app, "/api/complaints", VALID_COMPLAINT)).status).toBe(201);
    expect((await workerApp(testSecrets()).app.request("/api/complaints/stats")).status).toBe(503);
  });

  it("lets a read go on while the database cannot be reached, but never a write", async () => {
    const config = parseConfig({ APP_ENV: "production", LIBSQL_URL: "libsql://db.example", PUBLIC_ORIGIN: "https://portal.example", ...testSecrets() });
    const unreachable = createDb(createClient({ url: `http://127.0.0.1:${await closedPort()}` }));
    const { app } = buildTestApp(tempDb(), { config, keyCheck: workerKeyCheck(unreachable, config, fixedClock()) });
    expect((await app.request("/api/no-such-thing")).status).toBe(404);
    const write = await postJson(app, "/api/complaints", VALID_COMPLAINT);
    expect(write.status).toBe(503);
    const [row] = await tempDb().db.select({ n: count() }).from(complaints);
    expect(row!.n).toBe(0);
  });
});
