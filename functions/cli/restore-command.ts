/**
 * `npm run restore -- --from <backup folder> [--force]`: puts a backup (backup-command.ts)
 * back as the database in LIBSQL_URL and the upload folder UPLOAD_DIR. Every file is checked
 * against the manifest's SHA-256 first, and nothing is written if one differs or is missing.
 * A target that already holds a database or uploads is refused unless --force, which moves
 * them aside (`<name>.before-restore-<time>`) rather than deleting them. Stop the server
 * first; start it afterwards with the keys whose fingerprints the manifest lists (the start
 * refuses any others).
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { localDatabaseFile } from "../open-database";
import { DATABASE_FILE, FORMAT, listFiles, MANIFEST, sha256OfFile, UPLOADS_DIR, type Manifest } from "./backup-manifest";

export const USAGE = "Usage: npm run restore -- --from <backup folder> [--force]";

function readManifest(from: string): Manifest | string {
  const file = path.join(from, MANIFEST);
  if (!existsSync(file)) return `${file} is missing: not a backup folder, or the backup did not finish.`;
  try {
    const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    return manifest.format === FORMAT && Array.isArray(manifest.files) ? manifest : `${file} is not a ${FORMAT} manifest.`;
  } catch {
    return `${file} is not valid JSON.`;
  }
}

/** Problems found comparing the folder with its manifest (a changed, missing or unlisted file). */
async function verify(from: string, manifest: Manifest): Promise<string[]> {
  const problems: string[] = [];
  const listed = new Set(manifest.files.map((f) => f.path));
  if (!listed.has(DATABASE_FILE)) problems.push(`the manifest lists no ${DATABASE_FILE}`);
  for (const f of manifest.files) {
    const full = path.join(from, f.path);
    if (f.path.includes("..") || path.isAbsolute(f.path)) problems.push(`${f.path}: not a path inside the backup`);
    else if (!existsSync(full)) problems.push(`${f.path}: missing`);
    else if (statSync(full).size !== f.bytes || (await sha256OfFile(full)) !== f.sha256) problems.push(`${f.path}: content differs from the manifest (SHA-256)`);
  }
  for (const f of listFiles(from)) if (f !== MANIFEST && !listed.has(f)) problems.push(`${f}: not in the manifest`);
  return problems;
}

export async function runRestore(argv: string[], env: Record<string, string | undefined>, now = new Date()): Promise<{ code: number; lines: string[] }> {
  let values: { from?: string; force?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { from: { type: "string" }, force: { type: "boolean" } } }));
  } catch (error) {
    return { code: 2, lines: [(error as Error).message, USAGE] };
  }
  if (!values.from) return { code: 2, lines: ["--from is required.", USAGE] };
  const from = path.resolve(values.from);
  const url = env.LIBSQL_URL ?? "file:db/local.db";
  const dbFile = localDatabaseFile(url);
  if (!dbFile) return { code: 1, lines: ["LIBSQL_URL is a remote database; restore restores into a local file (set LIBSQL_URL=file:…)."] };
  const uploadDir = path.resolve(env.UPLOAD_DIR ?? "db/uploads");

  const manifest = readManifest(from);
  if (typeof manifest === "string") return { code: 1, lines: [manifest, "Nothing was restored."] };
  const problems = await verify(from, manifest);
  if (problems.length > 0) return { code: 1, lines: [`The backup in ${from} does not match its manifest; nothing was restored:`, ...problems.map((p) => `  - ${p}`)] };

  const occupied = [existsSync(dbFile) && statSync(dbFile).size > 0 ? dbFile : null, listFiles(uploadDir).length > 0 ? uploadDir : null].filter((p): p is string => p !== null);
  if (occupied.length > 0 && !values.force) {
    return { code: 1, lines: [`Refusing to overwrite: ${occupied.join(" and ")} already hold data. Stop the server and run again with --force to move them aside (nothing is deleted).`] };
  }
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const aside: string[] = [];
  for (const p of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, uploadDir]) {
    if (!existsSync(p)) continue;
    renameSync(p, `${p}.before-restore-${stamp}`);
    aside.push(`${p}.before-restore-${stamp}`);
  }
  mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
  // Copied under a temporary name and renamed, so a half-copied file never looks like a database.
  copyFileSync(path.join(from, DATABASE_FILE), `${dbFile}.restoring`);
  renameSync(`${dbFile}.restoring`, dbFile);
  rmSync(`${uploadDir}.restoring`, { recursive: true, force: true });
  if (existsSync(path.join(from, UPLOADS_DIR))) cpSync(path.join(from, UPLOADS_DIR), `${uploadDir}.restoring`, { recursive: true });
  else mkdirSync(`${uploadDir}.restoring`, { recursive: true });
  renameSync(`${uploadDir}.restoring`, uploadDir);

  const data = Object.entries(manifest.keyFingerprints.data).map(([v, f]) => `${v} ${f}`).join(", ") || "none recorded";
  return {
    code: 0,
    lines: [
      `Restored the backup of ${manifest.createdAt} into ${path.resolve(dbFile)} and ${uploadDir} (every file checked against the manifest).`,
      `  ${manifest.counts.complaints ?? 0} complaints, ${manifest.counts.applications ?? 0} applications.`,
      ...(aside.length > 0 ? [`  Moved aside: ${aside.join(", ")}`] : []),
      `  Start the server with the keys whose fingerprints are: data ${data}; index ${manifest.keyFingerprints.index ?? "-"}; auth ${manifest.keyFingerprints.auth ?? "-"}. It refuses any other keys.`,
    ],
  };
}
