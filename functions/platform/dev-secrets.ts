/**
 * Secrets for a development or demo installation on Node: generated once with a CSPRNG
 * and kept beside the database (git-ignored), so a restart can still read what was
 * encrypted before. Production never uses this: `parseConfig` demands real secrets there.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SECRET_NAMES, type SecretName } from "../config";

export function loadOrCreateDevSecrets(file: string): Record<SecretName, string> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Record<SecretName, string>;
  const secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, randomBytes(32).toString("base64")])) as Record<SecretName, string>;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
