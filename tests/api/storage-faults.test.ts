/**
 * Storage faults answered honestly (SECURITY.md item 18): a write while the database file is
 * read-only, the disk is full, the disk reports an I/O error or the file cannot be opened, and
 * a document while the blob store refuses writes, each get 503 with Retry-After and store
 * nothing; the log names the fault (`storage.read_only`, …); `/api/health` goes red naming it,
 * and it answers in bounded time even while a transaction holds the database lock.
 *
 * How each fault is made (the tests run as root, where chmod does not stop a write; the real
 * read-only file and unwritable folder, as an unprivileged user, are in
 * storage-faults-unprivileged.test.ts): the database faults here through a client that
 * throws libSQL's own error for every write
 * (tests/fixtures/storage-faults.ts), the full disk for real on a small tmpfs when the machine
 * allows mounting one (else that test is skipped and the simulated SQLITE_FULL stands), the
 * unwritable uploads folder as a path under a regular file (mkdir fails for root too), and a
 * failing R2 bucket as a stub whose calls reject.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { R2Bucket } from "@cloudflare/workers-types";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { complaints } from "../../db/schema";
import { createFileBlobStore } from "../../functions/platform/file-blob-store";
import { openNodeLibsqlClient } from "../../functions/platform/node-libsql-client";
import { createR2BlobStore } from "../../functions/platform/r2-blob-store";
import { blobCall } from "../../functions/platform/storage-fault";
import { HEALTH_PROBE_TIMEOUT_MS, HealthBody } from "../../functions/routes/health";
import { VALID_COMPLAINT } from "../fixtures/complaints";
import { faultyDb, libsqlError, mountTmpfs } from "../fixtures/storage-faults";
import { tempDir, useTempDb } from "../fixtures/temp-db";
import { buildTestApp } from "../fixtures/test-app";
import { minimalPdf } from "../fixtures/upload-files";

type App = ReturnType<typeof buildTestApp>["app"];

function postComplaint(app: App, withFile = false) {
  const form = new FormData();
  for (const [k, v] of Object.entries(VALID_COMPLAINT)) form.append(k, v);
  if (withFile) form.append("attachments", new File([new Uint8Array(minimalPdf())], "收据.pdf", { type: "application/pdf" }));
  return app.request("http://localhost/api/complaints", { method: "POST", headers: { Accept: "application/json", "Sec-Fetch-Site": "same-origin" }, body: form });
}

async function expectUnavailable(res: Response) {
  expect(res.status, await res.clone().text()).toBe(503);
  expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
  expect(await res.json()).toMatchObject({ code: "unavailable", message: "服务暂时不可用，请稍后再试。" });
}

async function health(app: App) {
  const res = await app.request("/api/health");
  return { status: res.status, retryAfter: res.headers.get("Retry-After"), body: HealthBody.parse(await res.json()) };
}

describe("storage faults", () => {
  const tempDb = useTempDb();
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });

  it.each([
    ["read-only database file", libsqlError("SQLITE_READONLY", "SQLITE_READONLY", 8, "attempt to write a readonly database"), "storage.read_only"],
    ["full disk", libsqlError("SQLITE_FULL", "SQLITE_FULL", 13, "database or disk is full"), "storage.full"],
    ["disk I/O error", libsqlError("SQLITE_IOERR", "SQLITE_IOERR_WRITE", 778, "disk I/O error"), "storage.io_error"],
    ["database file that cannot be opened", libsqlError("SQLITE_CANTOPEN", "SQLITE_CANTOPEN", 14, "unable to open database file"), "storage.cannot_open"],
  ])("%s: a write gets 503 + Retry-After and stores nothing, the log names the fault, health is red", async (_, error, code) => {
    const broken = faultyDb(tempDb().url, () => error);
    cleanups.push(broken.close);
    const { app, log } = buildTestApp(tempDb(), { db: broken.db });
    await expectUnavailable(await postComplaint(app));
    expect(log.lines).toContainEqual(expect.objectContaining({ level: "error", event: code, fields: expect.objectContaining({ store: "database" }) }));
    expect(await tempDb().db.select().from(complaints).all()).toEqual([]);
    const h = await health(app);
    expect([h.status, h.retryAfter, h.body.status, h.body.database, h.body.blobs, h.body.problems]).toEqual([503, "30", "unavailable", "unreachable", "writable", [code]]);
  });

  it("an uploads folder that cannot be written: a document gets 503 + Retry-After, nothing stored, health red", async () => {
    // Root ignores chmod 0500, so the folder is made unwritable by placing it under a regular file (mkdir fails: ENOTDIR).
    const blocker = path.join(tempDb().dir, "not-a-folder");
    writeFileSync(blocker, "");
    const { app, log } = buildTestApp(tempDb(), { blobs: createFileBlobStore(path.join(blocker, "uploads")) });
    await expectUnavailable(await postComplaint(app, true));
    expect(log.lines).toContainEqual(expect.objectContaining({ event: "storage.blob_write_failed", fields: expect.objectContaining({ store: "blobs", detail: "ENOTDIR" }) }));
    expect(await tempDb().db.select().from(complaints).all()).toEqual([]);
    const h = await health(app);
    expect([h.status, h.body.database, h.body.blobs, h.body.problems]).toEqual([503, "reachable", "failing", ["storage.blob_write_failed"]]);
    // A complaint without documents does not need the blob store.
    expect((await postComplaint(app)).status).toBe(201);
  });

  it.each([
    ["ENOSPC", "storage.full"],
    ["EACCES", "storage.blob_write_failed"],
    ["EROFS", "storage.read_only"],
    ["EIO", "storage.io_error"],
  ])("a blob store whose writes fail with %s: a document gets 503 + Retry-After, the log says %s, health red", async (errno, code) => {
    const real = createFileBlobStore(path.join(tempDb().dir, "uploads"));
    const fail = () => blobCall("put", () => Promise.reject(Object.assign(new Error(`${errno}: write`), { code: errno })));
    const { app, log } = buildTestApp(tempDb(), { blobs: { ...real, put: fail } });
    await expectUnavailable(await postComplaint(app, true));
    expect(log.lines.map((l) => l.event)).toContain(code);
    expect(await tempDb().db.select().from(complaints).all()).toEqual([]);
    expect((await health(app)).body.problems).toEqual([code]);
  });

  it("a failing R2 bucket: a document gets 503 + Retry-After, health red", async () => {
    const down = () => Promise.reject(new Error("R2 internal error"));
    const bucket = { put: down, get: down, delete: down, list: down } as unknown as R2Bucket;
    const { app, log } = buildTestApp(tempDb(), { blobs: createR2BlobStore(bucket) });
    await expectUnavailable(await postComplaint(app, true));
    expect(log.lines.map((l) => l.event)).toContain("storage.blob_write_failed");
    expect((await health(app)).body.problems).toEqual(["storage.blob_write_failed"]);
  });

  it("health is green on working storage, leaves no probe blob behind, and answers in bounded time while a transaction holds the lock", async () => {
    const { app, deps } = buildTestApp(tempDb());
    const ok = await health(app);
    expect([ok.status, ok.body.database, ok.body.blobs, ok.body.problems]).toEqual([200, "reachable", "writable", undefined]);
    expect((await deps.blobs.list()).blobs).toEqual([]);
    // A second app on the same file: its probe is not reused from the first.
    const second = buildTestApp(tempDb());
    let release!: () => void;
    const held = tempDb().db.transaction(() => new Promise<void>((resolve) => (release = resolve)));
    try {
      const started = Date.now();
      const h = await health(second.app);
      const took = Date.now() - started;
      expect([h.status, h.body.problems]).toEqual([503, ["ProbeTimeoutError"]]);
      expect(took).toBeGreaterThanOrEqual(HEALTH_PROBE_TIMEOUT_MS - 50);
      expect(took).toBeLessThan(HEALTH_PROBE_TIMEOUT_MS + 1500);
    } finally {
      release();
      await held;
    }
  }, 20_000);
});

describe("a real full disk (tmpfs)", () => {
  it("a write gets 503 + Retry-After, health names storage.full, and both recover once space is freed", async (ctx) => {
    const mount = mountTmpfs(tempDir(), "3m");
    if (!mount) return ctx.skip();
    const client = await openNodeLibsqlClient(`file:${path.join(mount.dir, "test.db")}`);
    try {
      const db = createDb(client);
      await migrateDatabase(db);
      const { app, log } = buildTestApp({ db, dir: mount.dir });
      expect((await postComplaint(app, true)).status).toBe(201);
      // Fill what is left of the disk.
      const filler = path.join(mount.dir, "filler");
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (let i = 0; i < 1000; i++) writeFileSync(filler, chunk, { flag: "a" });
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe("ENOSPC");
      }
      await expectUnavailable(await postComplaint(app, true));
      expect(log.lines.map((l) => l.event)).toContain("storage.full");
      await new Promise((r) => setTimeout(r, 1100));
      const h = await health(app);
      expect(h.status).toBe(503);
      expect(h.body.problems).toContain("storage.full");
      // Free the space: no restart needed.
      writeFileSync(filler, "");
      await new Promise((r) => setTimeout(r, 1100));
      expect((await health(app)).status).toBe(200);
      expect((await postComplaint(app, true)).status).toBe(201);
      expect(await db.select().from(complaints).all()).toHaveLength(2);
    } finally {
      client.close();
      mount.unmount();
    }
  }, 30_000);
});
