/**
 * Issue 15 item 6, rotation: data sealed through the real routes under k1 (named complaints
 * with an attachment, applications with documents, their outbox messages and idempotent
 * receipts) is moved to k2 by `npm run keys:rotate`; afterwards every sealed value and file
 * opens under k2 alone, the app still answers with the new key only, and k1's fingerprint is
 * gone. A run stopped after a few batches, and a run killed with SIGKILL, resume and finish.
 * ROTATE_TEST_CASES raises the number of cases (default small).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runKeysRotate } from "../../../functions/cli/keys-rotate-command";
import { parseConfig } from "../../../functions/config";
import { createFileBlobStore } from "../../../functions/platform/file-blob-store";
import { fieldKeysOf, sealField, type FieldKeys } from "../../../functions/platform/field-crypto";
import { readFingerprints } from "../../../functions/services/keys/internal/key-meta";
import { rotateDataKey } from "../../../functions/services/keys/rotate-data-key";
import { openItem } from "../../../functions/services/keys/internal/open-item";
import { SEALED_SOURCES, versionOf } from "../../../functions/services/keys/internal/sealed-sources";
import { VALID_COMPLAINT } from "../../fixtures/complaints";
import { validApplication } from "../../fixtures/enrolment";
import { createTempDb, type TempDb } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock, testSecrets } from "../../fixtures/test-app";
import { minimalPdf, pngWithMetadata } from "../../fixtures/upload-files";
import { IN_WINDOW, submit } from "../enrolment/enrolment-app";

const CASES = Number(process.env.ROTATE_TEST_CASES ?? 2);

type Seeded = { complaints: { key: string; body: Record<string, unknown>; code: string }[]; applications: number };

function complaintForm(fields: Record<string, unknown>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
  form.append("attachments", new File([new Uint8Array(pngWithMetadata())], "照片.png", { type: "image/png" }));
  form.append("attachments", new File([new Uint8Array(minimalPdf())], "通知.pdf", { type: "application/pdf" }));
  return form;
}

/** Seals data through the routes under `secrets` (version k1). */
async function seed(db: TempDb, secrets: Record<string, string>): Promise<Seeded> {
  const { app } = buildTestApp(db, { clock: fixedClock(IN_WINDOW), config: parseConfig({ APP_ENV: "test", ...secrets }) });
  const out: Seeded = { complaints: [], applications: 0 };
  for (let i = 0; i < CASES; i++) {
    const body = { ...VALID_COMPLAINT, contactMode: "named", name: `王小明${i}`, phone: "13800138000", departmentMayContact: "true" };
    const key = `rotate-complaint-${i}-0001`;
    const res = await app.request("/api/complaints", { method: "POST", body: complaintForm(body), headers: { Accept: "application/json", "Idempotency-Key": key } });
    expect(res.status, await res.clone().text()).toBe(201);
    out.complaints.push({ key, body, code: (await res.json()).complaint.receiptCode });
    const application = await submit(app, validApplication(i + 1), { key: `rotate-application-${i}-0001` });
    expect(application.status, await application.clone().text()).toBe(201);
    out.applications += 1;
  }
  return out;
}

/** Every sealed item in the database and upload folder, opened with `keys`; returns the count per version. */
async function openEverything(db: TempDb, keys: FieldKeys): Promise<Record<string, number>> {
  const blobs = createFileBlobStore(path.join(db.dir, "uploads"));
  const versions: Record<string, number> = {};
  for (const source of SEALED_SOURCES) {
    for (const row of await source.rows(db.db, 0, 100_000)) {
      for (const item of await source.items(row, { db: db.db, blobs })) {
        await openItem(keys, item);
        const v = versionOf(item) ?? "none";
        versions[v] = (versions[v] ?? 0) + 1;
      }
    }
  }
  return versions;
}

describe("npm run keys:rotate", () => {
  let db: TempDb;
  let old: Record<string, string>;
  let rotated: Record<string, string>;
  let env: Record<string, string>;
  let seeded: Seeded;
  // Per case: complaint contact + 2 files + receipt, application personal + sensitive + 2 files + receipt, 2 outbox recipients,
  // and the sealed body of the application's receipt SMS (it carries the access code).
  // 13 a case: its complaint's receipt message to the named filer carries a sealed body too (issue 22 item 4).
  const expectedItems = () => CASES * 13;

  beforeEach(async () => {
    db = await createTempDb();
    old = testSecrets();
    const next = testSecrets().DATA_KEY;
    rotated = { ...old, DATA_KEY: next, DATA_KEY_VERSION: "k2", DATA_KEY_PREVIOUS: `k1:${old.DATA_KEY}` };
    env = { APP_ENV: "production", LIBSQL_URL: db.url, UPLOAD_DIR: path.join(db.dir, "uploads"), ...rotated };
    seeded = await seed(db, old);
  });
  afterEach(() => db.cleanup());

  async function rotate(...argv: string[]) {
    const lines: string[] = [];
    const code = await runKeysRotate(argv, env, (line) => lines.push(line));
    return { code, output: lines.join("\n") };
  }

  it("moves every sealed field and file to the new key; afterwards everything opens under it alone and the app still serves", async () => {
    const newOnly = fieldKeysOf({ DATA_KEY: rotated.DATA_KEY!, INDEX_KEY: old.INDEX_KEY!, DATA_KEY_VERSION: "k2" });
    expect(await openEverything(db, fieldKeysOf(old as never))).toEqual({ k1: expectedItems() });

    const { code, output } = await rotate("--batch-size", "3");
    expect(code, output).toBe(0);
    expect(output).toContain("applications.personal:");
    expect(output).toContain("complaint_attachments (files):");
    expect(output).toContain("No value uses k1 any more");
    for (const value of [old.DATA_KEY!, rotated.DATA_KEY!]) expect(output).not.toContain(value.slice(0, 12));

    expect(await openEverything(db, newOnly)).toEqual({ k2: expectedItems() });
    expect(Object.keys((await readFingerprints(db.db)).data)).toEqual(["k2"]);

    // The app on the new key alone: an idempotent replay opens its sealed receipt code.
    const { app } = buildTestApp(db, { clock: fixedClock(IN_WINDOW), config: parseConfig({ APP_ENV: "test", ...old, DATA_KEY: rotated.DATA_KEY, DATA_KEY_VERSION: "k2" }) });
    const first = seeded.complaints[0]!;
    const replay = await app.request("/api/complaints", { method: "POST", body: complaintForm(first.body), headers: { Accept: "application/json", "Idempotency-Key": first.key } });
    expect(replay.status, await replay.clone().text()).toBe(200);
    expect((await replay.json()).complaint.receiptCode).toBe(first.code);

    // A second run finds nothing to do.
    const again = await rotate();
    expect(again.code).toBe(0);
    expect(again.output).toContain("Done: 0 value(s) re-sealed under k2");
  });

  it("stops after --max-batches with progress kept, and the next run resumes and finishes", async () => {
    const stopped = await rotate("--batch-size", "1", "--max-batches", "3");
    expect(stopped.code).toBe(0);
    expect(stopped.output).toContain("run the command again to continue");
    const ring = fieldKeysOf(rotated as never);
    const midway = await openEverything(db, ring);
    expect(midway.k2).toBe(3);
    expect(midway.k1).toBe(expectedItems() - 3);

    const resumed = await rotate("--batch-size", "2");
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toContain(`Done: ${expectedItems() - 3} value(s) re-sealed under k2`);
    expect(await openEverything(db, ring)).toEqual({ k2: expectedItems() });
  });

  it("resumes after the process is killed with SIGKILL mid-run", async () => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["functions/cli/keys-rotate.ts", "--batch-size", "1"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const exited = new Promise<string | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    child.stdout.on("data", (d) => {
      output += d;
      // Kill at the second batch line: the run is between two batch transactions or inside one.
      if ((output.match(/re-sealed in this batch/g) ?? []).length >= 2) child.kill("SIGKILL");
    });
    await exited;
    expect(output).toContain("re-sealed in this batch");
    const resumed = await rotate("--batch-size", "5");
    expect(resumed.code, resumed.output).toBe(0);
    expect(await openEverything(db, fieldKeysOf({ DATA_KEY: rotated.DATA_KEY!, INDEX_KEY: old.INDEX_KEY!, DATA_KEY_VERSION: "k2" }))).toEqual({ k2: expectedItems() });
  });

  it("does not retire the old key when a value was written under it behind the cursor, and the next run moves it", async () => {
    const k1 = fieldKeysOf(old as never);
    const ring = fieldKeysOf(rotated as never);
    const [first] = (await db.client.execute("SELECT id FROM complaints WHERE contact_sealed IS NOT NULL ORDER BY rowid LIMIT 1")).rows;
    let written = false;
    const result = await rotateDataKey({
      ctx: { db: db.db, blobs: createFileBlobStore(path.join(db.dir, "uploads")), clock: fixedClock(), keys: ring },
      input: {
        batchSize: 50,
        // Once complaints are done, a server still on k1 rewrites one of them.
        onProgress: async (p) => {
          if (p.source !== "outbox_messages.recipient_sealed" || written) return;
          written = true;
          const stale = await sealField(k1, `complaint:${first!.id}:contact`, JSON.stringify({ name: "旧", phone: null, email: null }));
          await db.client.execute({ sql: "UPDATE complaints SET contact_sealed = ? WHERE id = ?", args: [stale, String(first!.id)] });
        },
      },
    });
    expect(written).toBe(true);
    expect(result).toMatchObject({ finished: true, leftover: true, retired: [] });
    const again = await rotate();
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain("Done: 1 value(s) re-sealed under k2");
    expect(again.output).toContain("No value uses k1 any more");
  });

  it("refuses to run without the old key, naming DATA_KEY_PREVIOUS, and changes nothing", async () => {
    await rotate("--max-batches", "1"); // records k1 and k2 fingerprints
    env = { ...env, DATA_KEY_PREVIOUS: "" };
    const { code, output } = await rotate();
    expect(code).toBe(1);
    expect(output).toContain("DATA_KEY_PREVIOUS=k1:<that key>");
  });
});
