/**
 * Operator commands against a remote database (issue 20 item 6), run as child processes
 * against the Hrana test double (support/hrana-server.ts) standing in for Turso:
 * `outbox:deliver` without the deployment's keys is refused (no development secrets file is
 * read or created) and with other keys it is refused by the fingerprint check; neither burns
 * an attempt of the waiting message, which the right keys then deliver. `npm run purge`
 * against a remote database without UPLOAD_DIR is refused: a Worker deployment's documents are
 * in R2, where only the Worker's daily Cron Trigger reaches them.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMessages } from "../../../db/schema";
import { isRemoteDatabase, parseConfig, ConfigError } from "../../../functions/config";
import { fieldKeysOf } from "../../../functions/platform/field-crypto";
import { checkKeys } from "../../../functions/services/keys/check-keys";
import { runPurge } from "../../../functions/cli/purge-command";
import { startHranaServer, type HranaServer } from "../../../support/hrana-server";
import { validApplication } from "../../fixtures/enrolment";
import { createTempDb, type TempDb } from "../../fixtures/temp-db";
import { fixedClock, testSecrets } from "../../fixtures/test-app";
import { enrolmentApp, submit } from "../enrolment/enrolment-app";

function outboxDeliver(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(APP_ENV|DATA_KEY|INDEX_KEY|AUTH_SECRET|LIBSQL_|DEV_SECRETS_FILE)/.test(k)));
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["functions/cli/outbox-deliver.ts"], { env: { ...clean, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, out })));
}

describe("operator commands on a remote database", () => {
  let tempDb: TempDb;
  let server: HranaServer;
  let keys: Record<"DATA_KEY" | "INDEX_KEY" | "AUTH_SECRET", string>;
  const attempts = async () => (await tempDb.db.select({ attempts: outboxMessages.attempts, status: outboxMessages.status }).from(outboxMessages)).map((m) => `${m.status}:${m.attempts}`);

  beforeAll(async () => {
    tempDb = await createTempDb();
    const { app, deps } = enrolmentApp(tempDb);
    expect((await submit(app, validApplication(3))).status).toBe(201);
    const { secrets } = deps.config;
    keys = { DATA_KEY: secrets.DATA_KEY, INDEX_KEY: secrets.INDEX_KEY, AUTH_SECRET: secrets.AUTH_SECRET };
    await checkKeys({ ctx: { db: tempDb.db, clock: fixedClock() }, input: { keys: fieldKeysOf(secrets), authSecret: secrets.AUTH_SECRET, sources: { data: "-", index: "-", auth: "-" }, generated: false } });
    server = await startHranaServer({ file: path.join(tempDb.dir, "test.db") });
  });
  afterAll(async () => {
    await server?.close();
    tempDb?.cleanup();
  });

  it("never falls back to development secrets for a remote database", () => {
    expect(isRemoteDatabase("libsql://x.turso.io") && isRemoteDatabase("http://127.0.0.1:8080") && !isRemoteDatabase("file:db/local.db")).toBe(true);
    let asked = false;
    const fallback = () => ((asked = true), testSecrets());
    expect(() => parseConfig({ LIBSQL_URL: "libsql://x.turso.io" }, fallback)).toThrow(ConfigError);
    expect(() => parseConfig({ LIBSQL_URL: "libsql://x.turso.io" }, fallback)).toThrow(/remote database in LIBSQL_URL/);
    expect(asked).toBe(false);
    expect(parseConfig({ LIBSQL_URL: "file:x.db" }, fallback).secrets.DATA_KEY).toBeDefined();
  });

  it("refuses outbox:deliver without the deployment's keys, creating no secrets file and burning no attempt", async () => {
    expect(await attempts()).toEqual(["pending:0"]);
    const secretsFile = path.join(tempDb.dir, "dev-secrets.json");
    const run = await outboxDeliver({ LIBSQL_URL: server.url, DEV_SECRETS_FILE: secretsFile });
    expect(run.code, run.out).toBe(1);
    expect(run.out).toContain("remote database in LIBSQL_URL");
    expect(existsSync(secretsFile)).toBe(false);
    expect(await attempts()).toEqual(["pending:0"]);
  }, 30_000);

  it("refuses outbox:deliver with keys that are not the database's, burning no attempt", async () => {
    const run = await outboxDeliver({ APP_ENV: "production", LIBSQL_URL: server.url, ...testSecrets() });
    expect(run.code, run.out).toBe(1);
    expect(run.out).toMatch(/do not match this database/);
    expect(await attempts()).toEqual(["pending:0"]);
  }, 30_000);

  it("delivers with the deployment's keys", async () => {
    const run = await outboxDeliver({ APP_ENV: "production", LIBSQL_URL: server.url, ...keys });
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain("Outbox: 1 sent, 0 failed");
    expect(await attempts()).toEqual(["sent:1"]);
  }, 30_000);

  it("refuses npm run purge on a remote database unless UPLOAD_DIR names where its files are", async () => {
    const refused = await runPurge([], { LIBSQL_URL: server.url });
    expect(refused.code).toBe(2);
    expect(refused.lines.join("\n")).toMatch(/R2/);
    const ran = await runPurge([], { LIBSQL_URL: server.url, UPLOAD_DIR: path.join(tempDb.dir, "uploads") });
    expect(ran.code, ran.lines.join("\n")).toBe(0);
  });
});
