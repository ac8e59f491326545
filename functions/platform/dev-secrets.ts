/**
 * Secrets for a development or demo installation on Node: generated once with a CSPRNG
 * and kept beside the database (git-ignored), so a restart can still read what was
 * encrypted before. Production never uses this: `parseConfig` demands real secrets there.
 * Generated secrets are written only after the start has checked them against the database
 * (`persist`, called by the Node entry once services/keys/check-keys agreed), so a lost file
 * is never silently replaced over existing data. A damaged file stops the start with a
 * message naming it, never quoting its content (it is key material).
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, SECRET_NAMES, type SecretName } from "../config";

export type DevSecrets = { secrets: Record<SecretName, string>; generated: boolean; persist(): void };

export function loadDevSecrets(file: string, { create }: { create: boolean }): DevSecrets {
  if (existsSync(file)) return { secrets: readSecretsFile(file), generated: false, persist: () => {} };
  if (!create) throw new ConfigError([`${file}: the secrets file is missing; set DATA_KEY, INDEX_KEY and AUTH_SECRET or restore the file`]);
  const secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, randomBytes(32).toString("base64")])) as Record<SecretName, string>;
  return {
    secrets,
    generated: true,
    persist: () => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
    },
  };
}

function readSecretsFile(file: string): Record<SecretName, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    // The parser's message quotes the text around the fault: key material. Name the file only.
    const reason = error instanceof SyntaxError ? "is not valid JSON (truncated or edited?)" : `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`;
    throw new ConfigError([`${file} ${reason}; restore it from your backup: its keys seal this installation's data`]);
  }
  const record = (parsed ?? {}) as Record<string, unknown>;
  const missing = SECRET_NAMES.filter((n) => typeof record[n] !== "string");
  if (typeof parsed !== "object" || missing.length > 0) {
    throw new ConfigError([`${file} lacks ${missing.join(", ") || "the secrets"}; restore it from your backup`]);
  }
  return Object.fromEntries(SECRET_NAMES.map((n) => [n, record[n]])) as Record<SecretName, string>;
}
