/**
 * What the operator commands (db:init, keys:rotate, backup) share with the server's start:
 * the configuration from the environment (secrets from DEV_SECRETS_FILE outside production),
 * the database opened through open-database.ts (so a command meets the same refusals: missing
 * database, keys that do not match), and one way to report an operator error: its message,
 * exit code 1, no stack (a stack could carry values; these messages never hold key material).
 */
import { ConfigError, parseConfig, type AppConfig } from "../config";
import { KeyMismatchError } from "../services/keys/internal/key-mismatch-error";
import { keySources, openAppDatabase, StartRefusedError } from "../open-database";
import { loadDevSecrets, type DevSecrets } from "../platform/dev-secrets";

export const secretsFileOf = (env: Record<string, string | undefined>) => env.DEV_SECRETS_FILE ?? "db/dev-secrets.json";

export async function openCliDatabase(env: Record<string, string | undefined>, { init = false }: { init?: boolean } = {}) {
  const file = secretsFileOf(env);
  let dev: DevSecrets | undefined;
  const config: AppConfig = parseConfig(env, () => (dev = loadDevSecrets(file, { create: init })).secrets);
  const opened = await openAppDatabase(config, { init, sources: keySources(env, file), keysGenerated: dev?.generated });
  dev?.persist();
  return { config, ...opened };
}

/** The lines for an error an operator can act on, or undefined for a bug (rethrow it). */
export function operatorError(error: unknown): string | undefined {
  const known = error instanceof ConfigError || error instanceof StartRefusedError || error instanceof KeyMismatchError;
  return known ? (error as Error).message : undefined;
}
