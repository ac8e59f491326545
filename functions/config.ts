/**
 * Configuration, parsed once with zod at each entry and passed down (DESIGN.md convention 6).
 * The Node entry reads `process.env`, the Worker its `env` bindings; `createApp` reads neither.
 * In production every secret must be set and strong, or start-up fails (SECURITY.md item 19).
 */
import { z } from "zod";
import { parseTrustProxy, type TrustProxy } from "./platform/trust-proxy";

export const APP_ENVS = ["development", "test", "production"] as const;

/** A 32-byte key, base64-encoded, as `openssl rand -base64 32` prints. */
const Key = z.string().refine((v) => decodedLength(v) >= 32, {
  message: "must be at least 32 random bytes, base64-encoded (openssl rand -base64 32)",
});

function decodedLength(base64: string): number {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return 0;
  try {
    return atob(base64).length;
  } catch {
    return 0;
  }
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
  secrets: Record<SecretName, string>;
  /** Which X-Forwarded-For hops may name the client (Node entry behind proxies); `{ hops: 0 }` ignores the header. */
  trustProxy: TrustProxy;
};

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Parses an environment record. Outside production, missing secrets are taken from
 * `fallbackSecrets` (the Node entry generates and keeps them per installation); in production
 * a missing secret is an error.
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
  const fallback = missing.length > 0 && e.APP_ENV !== "production" ? fallbackSecrets?.() : undefined;
  if (missing.length > 0 && !fallback) {
    throw new ConfigError(missing.map((name) => `${name}: required${e.APP_ENV === "production" ? " in production" : ""}`));
  }
  const secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, e[n] ?? fallback?.[n]])) as Record<SecretName, string>;
  if (new Set(Object.values(secrets)).size !== SECRET_NAMES.length) {
    throw new ConfigError(["DATA_KEY, INDEX_KEY and AUTH_SECRET must be three different keys"]);
  }
  return {
    env: e.APP_ENV,
    publicOrigin: e.PUBLIC_ORIGIN,
    database: { url: e.LIBSQL_URL, authToken: e.LIBSQL_AUTH_TOKEN },
    secrets,
    trustProxy: e.TRUST_PROXY,
  };
}
