/**
 * What an application submission costs before anything the server could still cut: the work
 * every acknowledged application needs, each stage timed alone in CPU time (process.cpuUsage,
 * all threads, so the crypto and file work on libuv's pool counts), on the bench's own body
 * (one 200 KB PDF and a small PNG, bench/fixtures). Run it on a quiet machine:
 *
 *   npx tsx bench/probes/application-floor.ts [iterations]
 *
 * The stages are the product's own functions: the multipart parse the app does
 * (Request.formData, the files' bytes), the upload checks (inspectUpload), sealing both files
 * (sealBytes, AES-GCM), writing them into the file blob store (temporary file, metadata,
 * rename), and checking the application (applicationSchema). docs/performance.md
 * ("Applications: the floor") sets their sum against what the goal allows per application.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { applicationSchema } from "../../src/domain/enrolment/application";
import { readDistrict } from "../../src/content-data/district";
import { readCurrentCatalogue } from "../../src/content-data/intakes";
import { createFileBlobStore } from "../../functions/platform/file-blob-store";
import { fieldKeysOf, sealBytes } from "../../functions/platform/field-crypto";
import { inspectUpload } from "../../functions/services/uploads/internal/inspect-upload";
import { newBlobKey } from "../../functions/services/uploads/internal/store-upload";
import { pdfOfSize, smallPng } from "../fixtures/documents";
import { applicationBody, applicationRequest, type Document } from "../fixtures/submissions";

const iterations = Number(process.argv[2] ?? 400);

async function cpuMsPer(label: string, run: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await run(i); // warm up
  const start = process.cpuUsage();
  for (let i = 0; i < iterations; i++) await run(i);
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000 / iterations;
  console.log(`${label.padEnd(58)} ${ms.toFixed(3)} ms CPU`);
  return ms;
}

const documents: Document[] = [
  { field: "documents.residence_permit", fileName: "permit.pdf", type: "application/pdf", bytes: pdfOfSize(200_000) },
  { field: "documents.hukou", fileName: "hukou.png", type: "image/png", bytes: smallPng() },
];
const keys = fieldKeysOf({ DATA_KEY: randomBytes(32).toString("base64"), INDEX_KEY: randomBytes(32).toString("base64") });
const root = process.cwd();
const catalogue = (await readCurrentCatalogue(root, await readDistrict(root)))!;
const dir = mkdtempSync(path.join(tmpdir(), "application-floor-"));
const blobs = createFileBlobStore(dir);

const request = (i: number) => {
  const r = applicationRequest(i, "floor", documents);
  return new Request("http://127.0.0.1/api/enrol/applications", { method: "POST", headers: r.headers, body: new Uint8Array(r.body!) });
};
const parse = async (i: number) => {
  const form = await request(i).formData();
  const files = documents.map((d) => form.get(d.field) as File);
  return { json: JSON.parse(String(form.get("application"))), bytes: await Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer()))) };
};
const parsed = await parse(0);

try {
  const stages = [
    await cpuMsPer("build the request body (the load generator's share)", async (i) => request(i)),
    await cpuMsPer("multipart parse of 200 KB + PNG, the files' bytes", parse),
    await cpuMsPer("upload checks of both files (inspectUpload)", async () =>
      Promise.all(documents.map((d, k) => inspectUpload({ path: d.field, fileName: d.fileName, bytes: parsed.bytes[k]! })))),
    await cpuMsPer("seal both files (AES-GCM, sealBytes)", async (i) => Promise.all(parsed.bytes.map((b, k) => sealBytes(keys, `floor:${i}:${k}`, b)))),
    await cpuMsPer("write both into the file blob store", async () => Promise.all(parsed.bytes.map((b) => blobs.put(newBlobKey(), b, "application/octet-stream")))),
    await cpuMsPer("check the application (applicationSchema)", async (i) => applicationSchema(catalogue).safeParse(applicationBody(i))),
  ];
  const [generator, ...server] = stages;
  console.log(`${"sum of the server's stages".padEnd(58)} ${server.reduce((a, b) => a + b, 0).toFixed(3)} ms CPU`);
  console.log(`${"with building the body (the generator shares the machine)".padEnd(58)} ${(server.reduce((a, b) => a + b, 0) + generator!).toFixed(3)} ms CPU`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
