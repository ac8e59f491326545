/**
 * Issue 15 item 11: `npm run backup` while the app is serving, `npm run restore` into a fresh
 * folder, and the Node entry started on the restored copy in production with the same keys:
 * every complaint and application reference created before the backup tracks with its code,
 * every sealed file opens. A changed file or a non-empty target is refused. Cases are created
 * through the test app (tests/fixtures/test-app.ts); BACKUP_TEST_CASES raises their number.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "../../../db/client";
import { runBackup } from "../../../functions/cli/backup-command";
import { runDbInit } from "../../../functions/cli/db-init-command";
import { runRestore } from "../../../functions/cli/restore-command";
import { parseConfig } from "../../../functions/config";
import { startNodeServer, type RunningServer } from "../../../functions/node-server";
import { createFileBlobStore } from "../../../functions/platform/file-blob-store";
import { fieldKeysOf } from "../../../functions/platform/field-crypto";
import { openNodeLibsqlClient } from "../../../functions/platform/node-libsql-client";
import { openItem } from "../../../functions/services/keys/internal/open-item";
import { SEALED_SOURCES } from "../../../functions/services/keys/internal/sealed-sources";
import { postJson, VALID_COMPLAINT } from "../../fixtures/complaints";
import { validApplication } from "../../fixtures/enrolment";
import { nodeEnvIn } from "../../fixtures/node-env";
import { tempDir } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock, recordingLogger, testSecrets } from "../../fixtures/test-app";
import { pngWithMetadata } from "../../fixtures/upload-files";
import { IN_WINDOW, submit } from "../enrolment/enrolment-app";

const CASES = Number(process.env.BACKUP_TEST_CASES ?? 3);
const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

type Tracked = { complaints: { reference: string; code: string }[]; applications: { reference: string; accessCode: string }[] };

/** An installation with cases filed through the test app, and the backup taken while its client is open. */
async function installationWithBackup() {
  const source = nodeEnvIn();
  const secrets = testSecrets();
  expect((await runDbInit({ ...source.env, APP_ENV: "production", ...secrets })).code).toBe(0);
  const client = await openNodeLibsqlClient(`file:${source.dbFile}`);
  const { app } = buildTestApp(
    { db: createDb(client), dir: source.dir },
    { clock: fixedClock(IN_WINDOW), config: parseConfig({ APP_ENV: "test", ...secrets }), blobs: createFileBlobStore(source.env.UPLOAD_DIR!) },
  );
  const tracked: Tracked = { complaints: [], applications: [] };
  for (let i = 0; i < CASES; i++) {
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...VALID_COMPLAINT, contactMode: "named", name: `李${i}`, phone: "13800138000", departmentMayContact: "true" })) form.append(k, v);
    form.append("attachments", new File([new Uint8Array(pngWithMetadata())], "照片.png", { type: "image/png" }));
    const res = await app.request("/api/complaints", { method: "POST", body: form, headers: { Accept: "application/json" } });
    expect(res.status, await res.clone().text()).toBe(201);
    const { complaint } = await res.json();
    tracked.complaints.push({ reference: complaint.reference, code: complaint.receiptCode });
    const application = await submit(app, validApplication(i + 1), { key: `backup-application-${i}-0001` });
    expect(application.status, await application.clone().text()).toBe(201);
    tracked.applications.push(await application.json());
  }
  const out = path.join(tempDir("balance-backup-"), "backup");
  const backup = await runBackup(["--out", out], source.env);
  // A case filed after the backup is not in it.
  await app.request("/api/complaints", { method: "POST", body: JSON.stringify(VALID_COMPLAINT), headers: { "Content-Type": "application/json", Accept: "application/json" } });
  client.close();
  return { source, secrets, tracked, out, backup };
}

describe("backup and restore", () => {
  it("restores into a fresh folder where the app starts with the same keys and every reference tracks", async () => {
    const { secrets, tracked, out, backup } = await installationWithBackup();
    expect(backup.code, backup.lines.join("\n")).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8"));
    expect(manifest.counts).toMatchObject({ complaints: CASES, applications: CASES, complaint_attachments: CASES, application_documents: 2 * CASES });
    expect(Object.keys(manifest.keyFingerprints.data)).toEqual(["k1"]);
    expect(manifest.files.filter((f: { path: string }) => f.path.endsWith(".bin"))).toHaveLength(3 * CASES);
    const everything = readFileSync(path.join(out, "manifest.json"), "utf8") + backup.lines.join("\n");
    for (const value of Object.values(secrets)) expect(everything).not.toContain(value.slice(0, 12));

    const target = nodeEnvIn();
    const restored = await runRestore(["--from", out], target.env);
    expect(restored.code, restored.lines.join("\n")).toBe(0);

    const server = await startNodeServer({ ...target.env, APP_ENV: "production", ...secrets }, recordingLogger());
    running.push(server);
    const origin = { Origin: server.url };
    for (const c of tracked.complaints) {
      const res = await postJson({ request: (p, init) => fetch(`${server.url}${p}`, init) }, "/api/complaints/track", c, origin);
      expect(res.status, await res.clone().text()).toBe(200);
      expect((await res.json()).complaint.reference).toBe(c.reference);
    }
    for (const a of tracked.applications) {
      const res = await postJson({ request: (p, init) => fetch(`${server.url}${p}`, init) }, "/api/enrol/track", { reference: a.reference, accessCode: a.accessCode }, origin);
      expect(res.status, await res.clone().text()).toBe(200);
      expect(JSON.stringify(await res.json())).toContain(a.reference);
    }

    // Every sealed value and file in the restored copy opens with the keys.
    const client = await openNodeLibsqlClient(`file:${target.dbFile}`);
    const db = createDb(client);
    const blobs = createFileBlobStore(target.env.UPLOAD_DIR!);
    let opened = 0;
    for (const source of SEALED_SOURCES) for (const row of await source.rows(db, 0, 10_000)) for (const item of await source.items(row, { db, blobs })) opened += Boolean(await openItem(fieldKeysOf(secrets), item)) ? 1 : 0;
    client.close();
    // Per case: the complaint's contact and file, two outbox recipients, the application's two
    // columns, two documents and its idempotent receipt, and the sealed bodies of the two receipt
    // messages (the family's SMS, the named filer's).
    expect(opened).toBe(CASES * 11);
  });

  it("refuses a backup whose files differ from the manifest, and a target that holds data unless --force (moving it aside)", async () => {
    const { out, source } = await installationWithBackup();
    const target = nodeEnvIn();
    const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8"));
    const upload = path.join(out, manifest.files.find((f: { path: string }) => f.path.endsWith(".bin")).path);
    const original = readFileSync(upload);
    writeFileSync(upload, Buffer.concat([original.subarray(0, -1), Buffer.from([original.at(-1)! ^ 1])]));
    const tampered = await runRestore(["--from", out], target.env);
    expect(tampered.code).toBe(1);
    expect(tampered.lines.join("\n")).toMatch(/content differs from the manifest/);
    expect(existsSync(target.dbFile)).toBe(false);
    writeFileSync(upload, original);

    const refused = await runRestore(["--from", out], source.env);
    expect(refused.code).toBe(1);
    expect(refused.lines.join("\n")).toContain("--force");
    const forced = await runRestore(["--from", out, "--force"], source.env, new Date("2031-01-01T00:00:00Z"));
    expect(forced.code, forced.lines.join("\n")).toBe(0);
    expect(existsSync(`${source.dbFile}.before-restore-2031-01-01T00-00-00-000Z`)).toBe(true);
  });
});
