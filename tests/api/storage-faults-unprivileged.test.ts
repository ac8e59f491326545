/**
 * The read-only database file and the unwritable uploads folder for real: the tests run as
 * root, where permissions do not stop a write, so the app runs in a child process as the
 * unprivileged user `nobody` (uid 65534) against a real migrated file and folder owned by
 * root. A read-only database file gives libSQL's own SQLITE_READONLY, an uploads folder it may
 * not write gives EACCES; each write is answered 503 + Retry-After, logged by its code, and
 * health goes red. Skipped when the tests do not run as root (then tests/api/storage-faults
 * covers the same faults through injected errors).
 */
import { spawn } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { complaints } from "../../db/schema";
import { useTempDb } from "../fixtures/temp-db";
import { testSecrets } from "../fixtures/test-app";

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

type Outcome = { post: { status: number; retryAfter: string | null }; health: { status: number; body: { problems?: string[]; database: string; blobs: string } }; events: { event: string; detail?: string }[] };

function runAsNobody(env: Record<string, string>): Promise<Outcome> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/storage-fault-child.ts"], {
    env: { ...process.env, ...testSecrets(), ...env },
    uid: NOBODY,
    gid: NOBODY,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise((resolve, reject) =>
    child.once("exit", () => {
      const line = output.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line) as Outcome);
      else reject(new Error(output));
    }),
  );
}

/** 503 + Retry-After on the write, the fault logged by its code, and health red as expected. */
function expectRefused(outcome: Outcome, event: { event: string; detail: string }, health: [string, string, string[]]) {
  expect(outcome.post.status, JSON.stringify(outcome)).toBe(503);
  expect(Number(outcome.post.retryAfter)).toBeGreaterThan(0);
  expect(outcome.events).toContainEqual(event);
  const { status, body } = outcome.health;
  expect([status, body.database, body.blobs, body.problems]).toEqual([503, ...health]);
}

describe.skipIf(!asRoot)("storage faults for an unprivileged service user", () => {
  const tempDb = useTempDb();
  /** The folder readable by everyone, its database files owned by root (0644): read-only to `nobody`. */
  const openUp = () => {
    chmodSync(tempDb().dir, 0o755);
    for (const name of readdirSync(tempDb().dir)) chmodSync(path.join(tempDb().dir, name), 0o644);
  };

  it("a read-only database file: the write gets 503 + Retry-After, the log says storage.read_only, health is red", async () => {
    openUp();
    const uploads = path.join(tempDb().dir, "uploads");
    mkdirSync(uploads);
    chownSync(uploads, NOBODY, NOBODY);
    const outcome = await runAsNobody({ LIBSQL_URL: tempDb().url, TEST_DIR: tempDb().dir });
    expectRefused(outcome, { event: "storage.read_only", detail: "SQLITE_READONLY" }, ["unreachable", "writable", ["storage.read_only"]]);
    expect(await tempDb().db.select().from(complaints).all()).toEqual([]);
  }, 60_000);

  it("an uploads folder the service user may not write: a document gets 503 + Retry-After, storage.blob_write_failed (EACCES), health red", async () => {
    // The database is the service user's; the uploads folder stays root's (0755).
    chownSync(tempDb().dir, NOBODY, NOBODY);
    for (const name of readdirSync(tempDb().dir)) chownSync(path.join(tempDb().dir, name), NOBODY, NOBODY);
    mkdirSync(path.join(tempDb().dir, "uploads"), { mode: 0o755 });
    const outcome = await runAsNobody({ LIBSQL_URL: tempDb().url, TEST_DIR: tempDb().dir, WITH_FILE: "1" });
    expectRefused(outcome, { event: "storage.blob_write_failed", detail: "EACCES" }, ["reachable", "failing", ["storage.blob_write_failed"]]);
    expect(await tempDb().db.select().from(complaints).all()).toEqual([]);
  }, 60_000);
});
