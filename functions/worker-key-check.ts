/**
 * The Worker's key check (issue 15): the Node entry refuses to start when its keys do not
 * match the fingerprints the database keeps (open-database.ts → services/keys/check-keys),
 * but a Worker has no start to refuse. So each isolate runs the same check before its first
 * API request touches the database, once: a pass is remembered for the isolate's life; a
 * mismatch is remembered too (the keys of a deployment do not change under a running
 * isolate) and every API request answers 503 as a storage fault (`storage.keys_mismatch`),
 * never writing data sealed with the wrong key; any other failure (the database unreachable)
 * is not remembered, so the next request tries again.
 */
import type { Db } from "../db/client";
import type { AppConfig } from "./config";
import type { Clock } from "./deps";
import { fieldKeysOf } from "./platform/field-crypto";
import { checkKeys } from "./services/keys/check-keys";
import { KeyMismatchError } from "./services/keys/internal/key-mismatch-error";

/** Where a Worker's keys come from, for the mismatch message (which never prints a key). */
const SOURCES = { data: "DATA_KEY (Worker secret)", index: "INDEX_KEY (Worker secret)", auth: "AUTH_SECRET (Worker secret)" };

export function workerKeyCheck(db: Db, config: AppConfig, clock: Clock): () => Promise<void> {
  let passed = false;
  let refused: KeyMismatchError | undefined;
  let running: Promise<void> | undefined;
  return async () => {
    if (passed) return;
    if (refused) throw refused;
    running ??= checkKeys({
      ctx: { db, clock },
      input: { keys: fieldKeysOf(config.secrets), authSecret: config.secrets.AUTH_SECRET, sources: SOURCES, generated: false },
    })
      .then(
        () => void (passed = true),
        (error: unknown) => {
          if (error instanceof KeyMismatchError) {
            refused = error;
            console.error(JSON.stringify({ level: "error", event: "keys.mismatch", detail: error.message }));
          }
          throw error;
        },
      )
      .finally(() => (running = undefined));
    return running;
  };
}
