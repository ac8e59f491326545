/**
 * The orphan sweep on real files: a submission process killed with SIGKILL after its
 * document was stored and before its row committed leaves a sealed `.bin` (and its sidecar)
 * with no row; a write killed before its rename leaves a `.tmp-<pid>` file. After the grace
 * period the sweep (also run by `npm run purge`) removes both; a fresh orphan and every file a
 * row refers to are kept.
 */
import { existsSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { complaintAttachments } from "../../../db/schema";
import { runPurge } from "../../../functions/cli/purge-command";
import type { R2Bucket } from "@cloudflare/workers-types";
import { createFileBlobStore } from "../../../functions/platform/file-blob-store";
import { createR2BlobStore } from "../../../functions/platform/r2-blob-store";
import { ORPHAN_GRACE_SECONDS, sweepOrphanUploads } from "../../../functions/services/uploads/sweep-orphan-uploads";
import { VALID_COMPLAINT } from "../../fixtures/complaints";
import { runUntilThenKill } from "../../fixtures/kill-child";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock, recordingLogger, testSecrets } from "../../fixtures/test-app";
import { minimalPdf } from "../../fixtures/upload-files";

const HOUR = 3600_000;

describe("the orphan upload sweep", () => {
  const tempDb = useTempDb();
  const uploads = () => path.join(tempDb().dir, "uploads");
  const files = () => (existsSync(uploads()) ? readdirSync(uploads()).sort() : []);
  /** Sets a file's modification time `hours` into the past. */
  const age = (name: string, hours: number) => {
    const at = new Date(Date.now() - hours * HOUR);
    utimesSync(path.join(uploads(), name), at, at);
  };

  async function killedSubmission(): Promise<string> {
    const { found: key, output } = await runUntilThenKill("tests/fixtures/submit-then-hang-child.ts", { ...testSecrets(), LIBSQL_URL: tempDb().url, TEST_DIR: tempDb().dir }, /stored (\S+)/);
    expect(key, output).toBeTruthy();
    return key!;
  }

  async function submitWithDocument() {
    const { app } = buildTestApp(tempDb());
    const form = new FormData();
    for (const [k, v] of Object.entries(VALID_COMPLAINT)) form.append(k, v);
    form.append("attachments", new File([new Uint8Array(minimalPdf())], "收据.pdf", { type: "application/pdf" }));
    const res = await app.request("http://localhost/api/complaints", { method: "POST", headers: { Accept: "application/json", "Sec-Fetch-Site": "same-origin" }, body: form });
    expect(res.status).toBe(201);
    return (await tempDb().db.select().from(complaintAttachments).get())!.blobKey;
  }

  it("removes what a killed submission left once the grace period has passed, keeping fresh and referenced files", async () => {
    const referenced = await submitWithDocument();
    const orphan = await killedSubmission();
    // The killed process stored the sealed document, and no row refers to it.
    expect(files()).toEqual([`${orphan}.bin`, `${orphan}.json`, `${referenced}.bin`, `${referenced}.json`].sort());
    expect((await tempDb().db.select().from(complaintAttachments).all()).map((r) => r.blobKey)).toEqual([referenced]);
    // A write killed before its rename (the file store's partial name), and an orphan written just now.
    writeFileSync(path.join(uploads(), `${orphan}.bin.tmp-99999`), "partial");
    const fresh = "fresh_orphan_0123456789";
    writeFileSync(path.join(uploads(), `${fresh}.bin`), "sealed");
    for (const name of files()) if (!name.startsWith(fresh)) age(name, 2);

    const ctx = { db: tempDb().db, blobs: createFileBlobStore(uploads()), clock: fixedClock(new Date().toISOString()), log: recordingLogger() };
    expect(await sweepOrphanUploads({ ctx })).toEqual({ deleted: 2, anonymised: 0 });
    expect(files()).toEqual([`${fresh}.bin`, `${referenced}.bin`, `${referenced}.json`].sort());
    // The referenced document still opens in full (nothing of it touched).
    expect(await createFileBlobStore(uploads()).get(referenced)).not.toBeNull();
    expect(ctx.log.lines.map((l) => l.event)).toEqual(["uploads.orphans_swept"]);
  }, 60_000);

  it("keeps an orphan one minute short of the grace period and removes it at the grace period", async () => {
    const store = createFileBlobStore(uploads());
    await store.put("orphan_at_boundary_0001", new Uint8Array([1, 2, 3]), "application/octet-stream");
    const written = (await store.list()).blobs[0]!.modifiedAt.getTime();
    const sweepAt = (ms: number) => sweepOrphanUploads({ ctx: { db: tempDb().db, blobs: store, clock: fixedClock(new Date(ms).toISOString()), log: recordingLogger() } });
    expect(await sweepAt(written + ORPHAN_GRACE_SECONDS * 1000 - 60_000)).toEqual({ deleted: 0, anonymised: 0 });
    expect(await sweepAt(written + ORPHAN_GRACE_SECONDS * 1000 + 1)).toEqual({ deleted: 1, anonymised: 0 });
    expect(files()).toEqual([]);
  });

  it("runs in npm run purge", async () => {
    await createFileBlobStore(uploads()).put("orphan_for_the_purge_01", new Uint8Array([1]), "application/octet-stream");
    const result = await runPurge(["--now", new Date(Date.now() + 2 * HOUR).toISOString()], { LIBSQL_URL: tempDb().url, UPLOAD_DIR: uploads() });
    expect(result.lines).toContain("  orphan-uploads: 1 deleted, 0 anonymised");
    expect(files()).toEqual([]);
  });

  it("pages through an R2 bucket and removes its orphans past the grace period", async () => {
    const referenced = await submitWithDocument();
    const old = new Date(Date.now() - 2 * HOUR);
    const objects = new Map<string, Date>([
      [referenced, old],
      ["r2_orphan_old_00000001", old],
      ["r2_orphan_old_00000002", old],
      ["r2_orphan_new_00000003", new Date()],
    ]);
    // A stub bucket that answers two objects per page (its cursor: the last key listed, as R2's is opaque but stable under deletes).
    const bucket = {
      async list({ cursor }: { cursor?: string }) {
        const keys = [...objects.keys()].sort().filter((k) => !cursor || k > cursor);
        const page = keys.slice(0, 2);
        const truncated = keys.length > 2;
        return { objects: page.map((key) => ({ key, uploaded: objects.get(key)! })), truncated, ...(truncated ? { cursor: page.at(-1) } : {}) };
      },
      async delete(key: string) {
        objects.delete(key);
      },
    } as unknown as R2Bucket;
    const ctx = { db: tempDb().db, blobs: createR2BlobStore(bucket), clock: fixedClock(new Date().toISOString()), log: recordingLogger() };
    expect(await sweepOrphanUploads({ ctx })).toEqual({ deleted: 2, anonymised: 0 });
    expect([...objects.keys()].sort()).toEqual([referenced, "r2_orphan_new_00000003"].sort());
  });
});
