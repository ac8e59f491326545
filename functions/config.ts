/**
 * Configuration, parsed once with zod at each entry and passed down (DESIGN.md convention 6).
 * The Node entry reads `process.env`, the Worker its `env` bindings; `createApp` reads neither.
 * In production every secret must be set and strong, or start-up fails (SECURITY.md item 19).
 */
import { decodeBase64 } from "@oslojs/encoding";
import { z } from "zod";
import { parseTrustProxy, type TrustProxy } from "./platform/trust-proxy";

export const APP_ENVS = ["development", "test", "production"] as const;

/** A 32-byte key, base64-encoded, as `openssl rand -base64 32` prints. */
const Key = z.string().refine((v) => decodedLength(v) >= 32, {
  message: "must be at least 32 random bytes, base64-encoded (openssl rand -base64 32)",
});

/** Decoded with the decoder the crypto uses (atob is laxer: it takes unpadded text that decodeBase64 refuses). */
function decodedLength(base64: unknown): number {
  if (typeof base64 !== "string" || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return 0;
  try {
    return decodeBase64(base64).length;
  } catch {
    return 0;
  }
}

/** A data key version as stored in front of every sealed value: k1 … k9 (one byte of digit keeps sealed bytes' header fixed). */
export const DATA_KEY_VERSION_PATTERN = /^k[1-9]$/;

/**
 * `DATA_KEY_PREVIOUS`: the older data keys still needed to read, as `<version>:<base64 key>`
 * entries separated by commas (`k1:AbC…=`). Returns the problems without ever quoting a key.
 */
export function parseDataKeyRing(value: string | undefined): { keys: Record<string, string>; problems: string[] } {
  const keys: Record<string, string> = {};
  const problems: string[] = [];
  for (const [i, entry] of (value ?? "").split(",").map((e) => e.trim()).filter(Boolean).entries()) {
    const colon = entry.indexOf(":");
    const version = colon > 0 ? entry.slice(0, colon) : "";
    const key = colon > 0 ? entry.slice(colon + 1) : "";
    if (!DATA_KEY_VERSION_PATTERN.test(version)) problems.push(`DATA_KEY_PREVIOUS entry ${i + 1}: must be <version>:<base64 key> with a version k1 … k9`);
    else if (decodedLength(key) < 32) problems.push(`DATA_KEY_PREVIOUS ${version}: must be at least 32 random bytes, base64-encoded`);
    else if (keys[version]) problems.push(`DATA_KEY_PREVIOUS ${version}: given twice`);
    else keys[version] = key;
  }
  return { keys, problems };
}

/** Names of the secrets, as environment variables and as wrangler secrets. */
export const SECRET_NAMES = ["DATA_KEY", "INDEX_KEY", "AUTH_SECRET"] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export const EnvSchema = z.object({
  APP_ENV: z.enum(APP_ENVS).default("development"),
  /** Public origin of the portal, used for absolute links and the Origin check. */
  PUBLIC_ORIGIN: z.url().optional(),
  LIBSQL_URL: z.string().min(1).default("file:db/local.db"),
  LIBSQL_AUTH_TOKEN: z.string().min(1).optional(),
  /** Key for AES-256-GCM encryption of sensitive fields. */
  DATA_KEY: Key.optional(),
  /** The version label of DATA_KEY, written in front of every value it seals (k1 … k9; k1 until the first rotation). */
  DATA_KEY_VERSION: z.string().regex(DATA_KEY_VERSION_PATTERN, "must be k1 … k9").default("k1"),
  /** Older data keys kept for reading during a rotation: `k1:<base64>[,k2:<base64>]` (see README, Operations). */
  DATA_KEY_PREVIOUS: z.string().optional(),
  /** Key for the HMAC blind index (one application per child per intake). */
  INDEX_KEY: Key.optional(),
  /** Derives (HKDF) the key that seals staff TOTP secrets at rest; sessions are random tokens stored hashed. */
  AUTH_SECRET: Key.optional(),
  /**
   * Which X-Forwarded-For hops name the client (rate limits, Node entry): the number of
   * reverse proxies in front (`1` for one nginx), or their addresses, comma-separated; read
   * from the right (platform/trust-proxy). `0`, the default, ignores the header: without a
   * proxy it is whatever the client wrote.
   */
  TRUST_PROXY: z
    .string()
    .default("0")
    .transform((v, ctx) => {
      const parsed = parseTrustProxy(v);
      if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: `must be ${parsed}` });
      return parsed as TrustProxy;
    }),
});

export type AppConfig = {
  env: (typeof APP_ENVS)[number];
  publicOrigin: string | undefined;
  database: { url: string; authToken: string | undefined };
  secrets: Secrets;
  /** Which X-Forwarded-For hops may name the client (Node entry behind proxies); `{ hops: 0 }` ignores the header. */
  trustProxy: TrustProxy;
};

/** The three secrets, plus the data key's version and the older data keys kept for reading (a rotation). */
export type Secrets = Record<SecretName, string> & { DATA_KEY_VERSION?: string; DATA_KEY_PREVIOUS?: string };

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * A database reached over the network (Turso, a libSQL server): its data is a deployment's,
 * sealed with the deployment's keys, never with a development secrets file's (issue 20: an
 * `outbox:deliver` against Turso that fell back to db/dev-secrets.json could open no recipient
 * and burnt an attempt of each message).
 */
export const isRemoteDatabase = (url: string) => !url.startsWith("file:") && url !== ":memory:";

/**
 * Parses an environment record. Outside production, missing secrets are taken from
 * `fallbackSecrets` (the Node entry generates and keeps them per installation), except for a
 * remote database; in production a missing secret is an error.
 */
export function parseConfig(
  env: Record<string, string | undefined>,
  fallbackSecrets?: () => Record<SecretName, string>,
): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const missing = SECRET_NAMES.filter((name) => !e[name]);
  const remote = isRemoteDatabase(e.LIBSQL_URL);
  const fallback = missing.length > 0 && e.APP_ENV !== "production" && !remote ? fallbackSecrets?.() : undefined;
  if (missing.length > 0 && remote && e.APP_ENV !== "production") {
    throw new ConfigError(
      missing.map((name) => `${name}: required for the remote database in LIBSQL_URL; development secrets are never used for it (set APP_ENV=production and the deployment's keys)`),
    );
  }
  if (missing.length > 0 && !fallback) {
    throw new ConfigError(missing.map((name) => `${name}: required${e.APP_ENV === "production" ? " in production" : ""}`));
  }
  const base = Object.fromEntries(SECRET_NAMES.map((n) => [n, e[n] ?? fallback?.[n]])) as Record<SecretName, string>;
  // Generated or file-kept secrets get the same check as the environment's, so a damaged
  // secrets file stops the start here instead of failing every later write.
  const weak = SECRET_NAMES.filter((n) => !e[n] && decodedLength(base[n]) < 32);
  if (weak.length > 0) throw new ConfigError(weak.map((n) => `${n} (from the secrets file): must be at least 32 random bytes, base64-encoded`));
  if (new Set(Object.values(base)).size !== SECRET_NAMES.length) {
    throw new ConfigError(["DATA_KEY, INDEX_KEY and AUTH_SECRET must be three different keys"]);
  }
  const ring = parseDataKeyRing(e.DATA_KEY_PREVIOUS);
  if (ring.keys[e.DATA_KEY_VERSION]) ring.problems.push(`DATA_KEY_PREVIOUS: names ${e.DATA_KEY_VERSION}, the version of the current DATA_KEY (DATA_KEY_VERSION); a previous key needs an older version`);
  if (Object.values(ring.keys).includes(base.DATA_KEY)) ring.problems.push("DATA_KEY_PREVIOUS: holds the current DATA_KEY; list only older keys");
  if (ring.problems.length > 0) throw new ConfigError(ring.problems);
  const secrets: Secrets = { ...base, DATA_KEY_VERSION: e.DATA_KEY_VERSION, ...(e.DATA_KEY_PREVIOUS ? { DATA_KEY_PREVIOUS: e.DATA_KEY_PREVIOUS } : {}) };
  return {
    env: e.APP_ENV,
    publicOrigin: e.PUBLIC_ORIGIN,
    database: { url: e.LIBSQL_URL, authToken: e.LIBSQL_AUTH_TOKEN },
    secrets,
    trustProxy: e.TRUST_PROXY,
  };
}
