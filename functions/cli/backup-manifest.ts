/**
 * The backup format shared by `npm run backup` and `npm run restore`: a folder holding
 * `database.db` (a consistent copy made with SQLite's VACUUM INTO), `uploads/` (the sealed
 * files as they are on disk: backups never hold plaintext documents) and `manifest.json`
 * written last: format, time, the SHA-256 and size of every file, the row counts, and the
 * fingerprints of the keys the data is sealed with (never the keys; restore with the same
 * keys, kept apart from the backups). A folder without a manifest is an unfinished backup.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const MANIFEST = "manifest.json";
export const DATABASE_FILE = "database.db";
export const UPLOADS_DIR = "uploads";
export const FORMAT = "balance-portal-backup/1";

export type ManifestFile = { path: string; sha256: string; bytes: number };
export type Manifest = {
  format: typeof FORMAT;
  createdAt: string;
  files: ManifestFile[];
  counts: Record<string, number>;
  keyFingerprints: { index?: string; auth?: string; data: Record<string, string> };
  /** Files the database names that were not in the upload folder when the copy was taken. */
  missingUploads: string[];
};

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

/** Every regular file under `dir`, as paths relative to `root` with forward slashes, sorted. */
export function listFiles(root: string, dir = root): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(root, full));
    else if (entry.isFile()) out.push(path.relative(root, full).split(path.sep).join("/"));
  }
  return out.sort();
}

export async function describeFile(root: string, relative: string): Promise<ManifestFile> {
  const full = path.join(root, relative);
  return { path: relative, sha256: await sha256OfFile(full), bytes: statSync(full).size };
}
