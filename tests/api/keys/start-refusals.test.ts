/**
 * Issue 15 items 5 and 6 at the start: no silent empty database in production (db:init is the
 * explicit first start), keys checked against the fingerprints the database keeps in every
 * mode, a lost secrets file never regenerated over data, a damaged one or a malformed key
 * refused with a message naming the file or setting and never printing key material.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runDbInit } from "../../../functions/cli/db-init-command";
import { ConfigError } from "../../../functions/config";
import { startNodeServer, type RunningServer } from "../../../functions/node-server";
import { StartRefusedError } from "../../../functions/open-database";
import { KeyMismatchError } from "../../../functions/services/keys/internal/key-mismatch-error";
import { createDb } from "../../../db/client";
import { appMeta } from "../../../db/schema";
import { like } from "drizzle-orm";
import { openNodeLibsqlClient } from "../../../functions/platform/node-libsql-client";
import { nodeEnvIn } from "../../fixtures/node-env";
import { recordingLogger, testSecrets } from "../../fixtures/test-app";

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function start(env: Record<string, string>) {
  const server = await startNodeServer(env, recordingLogger());
  running.push(server);
  return server;
}

async function stopAll() {
  await Promise.all(running.splice(0).map((s) => s.close()));
}

/** Runs functions/node.ts as a process until it exits (or 20 s) and returns its code and output. */
function runEntry(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["functions/node.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

describe("a missing database", () => {
  it("is refused in production, naming the file and `npm run db:init`, and nothing is created", async () => {
    const { env, dbFile } = nodeEnvIn();
    const production = { ...env, APP_ENV: "production", ...testSecrets() };
    const start$ = start(production);
    await expect(start$).rejects.toThrow(StartRefusedError);
    await expect(start$).rejects.toThrow(dbFile);
    await expect(start$).rejects.toThrow(/npm run db:init/);
    expect(existsSync(dbFile)).toBe(false);
    expect(existsSync(path.dirname(dbFile))).toBe(false);
  });

  it("is created by `npm run db:init`, after which production starts; a second db:init changes nothing", async () => {
    const { env, dbFile } = nodeEnvIn();
    const production = { ...env, APP_ENV: "production", ...testSecrets() };
    const first = await runDbInit(production);
    expect(first.code).toBe(0);
    expect(first.lines.join("\n")).toContain(`Created the database ${dbFile}`);
    const server = await start(production);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    await stopAll();
    const again = await runDbInit(production);
    expect(again).toMatchObject({ code: 0 });
    expect(again.lines.join("\n")).toContain("already exists");
  });

  it("is refused when deleted after data was written (the issue's finding), and development still creates a fresh one", async () => {
    const { env, dbFile } = nodeEnvIn();
    const production = { ...env, APP_ENV: "production", ...testSecrets() };
    await runDbInit(production);
    rmSync(path.dirname(dbFile), { recursive: true, force: true });
    await expect(start(production)).rejects.toThrow(StartRefusedError);
    const dev = await start(env);
    expect(dev.seedLines.length).toBeGreaterThan(0);
    expect(existsSync(dbFile)).toBe(true);
  });
});

describe("keys checked against the database", () => {
  it("records fingerprints, never a key, at the first start", async () => {
    const { env, dbFile } = nodeEnvIn();
    const secrets = testSecrets();
    await runDbInit({ ...env, APP_ENV: "production", ...secrets });
    const client = await openNodeLibsqlClient(`file:${dbFile}`);
    const meta = await createDb(client).select().from(appMeta);
    client.close();
    expect(meta.map((m) => m.key).sort()).toEqual(["keys.auth", "keys.data.k1", "keys.index"]);
    const stored = JSON.stringify(meta);
    for (const value of Object.values(secrets)) expect(stored).not.toContain(value);
  });

  it.each(["DATA_KEY", "INDEX_KEY", "AUTH_SECRET"] as const)("refuses a start with another %s in production and in development", async (name) => {
    const { env } = nodeEnvIn();
    const secrets = testSecrets();
    await runDbInit({ ...env, APP_ENV: "production", ...secrets });
    const other = { ...secrets, [name]: testSecrets()[name] };
    await expect(start({ ...env, APP_ENV: "production", ...other })).rejects.toThrow(KeyMismatchError);
    await expect(start({ ...env, APP_ENV: "development", ...other })).rejects.toThrow(new RegExp(`${name === "DATA_KEY" ? "data key k1" : name} .*\\(environment\\)`));
    expect((await start({ ...env, APP_ENV: "production", ...secrets })).port).toBeGreaterThan(0);
  });

  it("adopts a database from before fingerprints only when its sealed data opens with the keys", async () => {
    const { env, dbFile } = nodeEnvIn();
    const secrets = testSecrets();
    await start({ ...env, ...secrets }); // development: seeds sealed demo applications
    await stopAll();
    const client = await openNodeLibsqlClient(`file:${dbFile}`);
    await createDb(client).delete(appMeta).where(like(appMeta.key, "keys.%"));
    client.close();
    await expect(start({ ...env, ...secrets, DATA_KEY: testSecrets().DATA_KEY })).rejects.toThrow(/does not open the values already in this database/);
    expect((await start({ ...env, ...secrets })).port).toBeGreaterThan(0);
  });

  it("never regenerates a lost secrets file over existing data", async () => {
    const { env, secretsFile } = nodeEnvIn();
    await start(env);
    await stopAll();
    const original = readFileSync(secretsFile, "utf8");
    rmSync(secretsFile);
    const refused = start(env);
    await expect(refused).rejects.toThrow(KeyMismatchError);
    await expect(refused).rejects.toThrow(`The secrets file ${secretsFile} was missing`);
    expect(existsSync(secretsFile)).toBe(false);
    writeFileSync(secretsFile, original);
    expect((await start(env)).port).toBeGreaterThan(0);
  });

  it("refuses a malformed key at start (unpadded base64 the crypto cannot decode), naming the setting", async () => {
    const { env } = nodeEnvIn();
    const unpadded = testSecrets().DATA_KEY.replace(/=+$/, "").slice(0, 43);
    await expect(start({ ...env, ...testSecrets(), DATA_KEY: unpadded })).rejects.toThrow(ConfigError);
    await expect(start({ ...env, ...testSecrets(), DATA_KEY: unpadded })).rejects.toThrow(/DATA_KEY: must be at least 32 random bytes/);
  });

  it("refuses a DATA_KEY_PREVIOUS that is not <version>:<key>, without quoting it", async () => {
    const { env } = nodeEnvIn();
    const old = testSecrets().DATA_KEY;
    const start$ = start({ ...env, ...testSecrets(), DATA_KEY_VERSION: "k2", DATA_KEY_PREVIOUS: `k1=${old}` });
    await expect(start$).rejects.toThrow(/DATA_KEY_PREVIOUS entry 1/);
    await start$.catch((e: Error) => expect(e.message).not.toContain(old.slice(0, 12)));
  });
});

describe("the entry as a process never prints key material", () => {
  it("a truncated secrets file: exit 1, the file named, no part of a key in the output", async () => {
    const { env, secretsFile } = nodeEnvIn();
    const secrets = testSecrets();
    mkdirSync(path.dirname(secretsFile), { recursive: true });
    const full = JSON.stringify(secrets, null, 2);
    writeFileSync(secretsFile, full.slice(0, full.indexOf(secrets.INDEX_KEY) + 20));
    const { code, output } = await runEntry(env);
    expect(code).toBe(1);
    expect(output).toContain(`${secretsFile} is not valid JSON`);
    for (const value of Object.values(secrets)) for (let i = 0; i + 12 <= value.length; i += 8) expect(output).not.toContain(value.slice(i, i + 12));
    expect(output).not.toContain("SyntaxError");
  });

  it("keys that do not match the data: exit 1 with the setting named and no key in the output", async () => {
    const { env } = nodeEnvIn();
    const secrets = testSecrets();
    await runDbInit({ ...env, APP_ENV: "production", ...secrets });
    const wrong = { ...secrets, DATA_KEY: testSecrets().DATA_KEY };
    const { code, output } = await runEntry({ ...env, APP_ENV: "production", ...wrong });
    expect(code).toBe(1);
    expect(output).toContain("DATA_KEY (environment)");
    for (const value of [...Object.values(secrets), wrong.DATA_KEY]) expect(output).not.toContain(value.slice(0, 12));
  });
});
