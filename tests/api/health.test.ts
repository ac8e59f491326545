import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { HealthBody } from "../../functions/routes/health";
import { useTempDb } from "../fixtures/temp-db";
import { buildTestApp } from "../fixtures/test-app";
import { closedPort } from "../../support/ports";

describe("GET /api/health", () => {
  const tempDb = useTempDb();

  it("reports the database and the blob store writable", async () => {
    const { app } = buildTestApp(tempDb());
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    const body = HealthBody.parse(await res.json());
    expect(body).toEqual({ status: "ok", database: "reachable", blobs: "writable", time: "2026-09-01T08:00:00.000Z" });
  });

  it("answers 503 with Retry-After when the database cannot be reached", async () => {
    const client = createClient({ url: `http://127.0.0.1:${await closedPort()}` });
    const { app, log } = buildTestApp(tempDb(), { db: createDb(client) });
    const res = await app.request("/api/health");
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("30");
    const body = HealthBody.parse(await res.json());
    expect(body.status).toBe("unavailable");
    expect(body.database).toBe("unreachable");
    expect(log.lines.map((l) => l.event)).toContain("health.database_unwritable");
    client.close();
  });
});
