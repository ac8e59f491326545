/**
 * `npm run backup [-- --out <folder>]`: an online, consistent copy of the database in
 * LIBSQL_URL (VACUUM INTO: one read transaction, so the copy is a single point in time while
 * the server keeps serving) and then of the upload folder UPLOAD_DIR (sealed files; those
 * a row names are checked to be there), into a new folder (default backups/<UTC time>), with a
 * SHA-256 manifest and the key fingerprints (backup-manifest.ts). The database goes first: a
 * file written after it is an unused extra, never a row without its file. Needs no keys.
 * The folder is built under a temporary name and renamed when complete.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createClient } from "@libsql/client";
import { createDb } from "../../db/client";
import { localDatabaseFile } from "../open-database";
import { openNodeLibsqlClient } from "../platform/node-libsql-client";
import { readFingerprints } from "../services/keys/internal/key-meta";
import { DATABASE_FILE, describeFile, FORMAT, listFiles, MANIFEST, UPLOADS_DIR, type Manifest } from "./backup-manifest";

export const USAGE = "Usage: npm run backup [-- --out <new folder>]";
const COUNTED = ["complaints", "complaint_attachments", "applications", "application_documents", "outbox_messages", "staff_users"];
const BLOB_TABLES = ["application_documents", "complaint_attachments"];

export async function runBackup(argv: string[], env: Record<string, string | undefined>, now = new Date()): Promise<{ code: number; lines: string[] }> {
  let out: string | undefined;
  try {
    ({ values: { out } } = parseArgs({ args: argv, options: { out: { type: "string" } } }));
  } catch (error) {
    return { code: 2, lines: [(error as Error).message, USAGE] };
  }
  const url = env.LIBSQL_URL ?? "file:db/local.db";
  const dbFile = localDatabaseFile(url);
  if (!dbFile) return { code: 1, lines: [`LIBSQL_URL is a remote database (${url.replace(/\/\/[^@]*@/, "//")}): back it up with its provider's tools (Turso: point-in-time restore); this command copies a local file.`] };
  if (!existsSync(dbFile)) return { code: 1, lines: [`The database file ${path.resolve(dbFile)} does not exist (LIBSQL_URL); nothing to back up.`] };
  const target = path.resolve(out ?? path.join("backups", now.toISOString().replace(/[:.]/g, "-")));
  if (existsSync(target)) return { code: 1, lines: [`${target} already exists; give a new folder with --out.`] };
  const uploadDir = env.UPLOAD_DIR ?? "db/uploads";
  const partial = `${target}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(path.join(partial, UPLOADS_DIR), { recursive: true });

  const client = await openNodeLibsqlClient(url, env.LIBSQL_AUTH_TOKEN);
  let manifest: Manifest;
  try {
    await client.execute({ sql: "VACUUM INTO ?", args: [path.join(partial, DATABASE_FILE)] });
    // A plain client: the server's (WAL) would turn the copy to WAL mode and leave -wal/-shm files beside it.
    const snapshot = createClient({ url: `file:${path.join(partial, DATABASE_FILE)}` });
    try {
      const counts: Record<string, number> = {};
      for (const table of COUNTED) counts[table] = Number((await snapshot.execute(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n);
      const named: string[] = [];
      for (const table of BLOB_TABLES) for (const row of (await snapshot.execute(`SELECT blob_key FROM "${table}"`)).rows) named.push(String(row.blob_key));
      // Only the files the app wrote (key.bin + key.json); half-written .tmp files are skipped.
      const uploads = listFiles(uploadDir).filter((f) => /^[A-Za-z0-9_-]+\.(bin|json)$/.test(f));
      for (const file of uploads) copyFileSync(path.join(uploadDir, file), path.join(partial, UPLOADS_DIR, file));
      const copied = new Set(uploads);
      const missingUploads = named.filter((key) => !copied.has(`${key}.bin`));
      const files = [];
      for (const file of [DATABASE_FILE, ...uploads.map((f) => `${UPLOADS_DIR}/${f}`)]) files.push(await describeFile(partial, file));
      manifest = { format: FORMAT, createdAt: now.toISOString(), files, counts, keyFingerprints: await readFingerprints(createDb(snapshot)), missingUploads };
    } finally {
      snapshot.close();
    }
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    return { code: 1, lines: [`Backup failed: ${(error as Error).name}: ${(error as Error).message}. Nothing was kept.`] };
  } finally {
    client.close();
  }
  writeFileSync(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(partial, target);
  const data = Object.entries(manifest.keyFingerprints.data).map(([v, f]) => `${v} ${f}`).join(", ") || "none recorded";
  return {
    code: manifest.missingUploads.length > 0 ? 1 : 0,
    lines: [
      `Backup written to ${target}`,
      `  database: ${manifest.counts.complaints} complaints, ${manifest.counts.applications} applications; ${manifest.files.length - 1} upload file(s)`,
      `  key fingerprints: data ${data}; index ${manifest.keyFingerprints.index ?? "-"}; auth ${manifest.keyFingerprints.auth ?? "-"} (the keys themselves are not in a backup: keep them in your key store)`,
      ...(manifest.missingUploads.length > 0 ? [`  WARNING: ${manifest.missingUploads.length} file(s) named by the database were missing from ${uploadDir}: ${manifest.missingUploads.slice(0, 5).join(", ")}`] : []),
    ],
  };
}
