/**
 * `npm run keys:rotate [-- --batch-size 100] [-- --max-batches N]`: re-encrypts every sealed
 * field and uploaded file (UPLOAD_DIR) under the current data key (DATA_KEY, labelled
 * DATA_KEY_VERSION), reading old values with DATA_KEY_PREVIOUS; see services/keys/rotate-data-key.
 * It prints progress per batch and can be stopped (Ctrl-C, a kill) and run again: it resumes.
 * Procedure (README, Operations): new key as DATA_KEY with the next version, old one in
 * DATA_KEY_PREVIOUS, restart the server, run this, then remove DATA_KEY_PREVIOUS.
 */
import { parseArgs } from "node:util";
import { systemClock } from "../deps";
import { createFileBlobStore } from "../platform/file-blob-store";
import { fieldKeysOf } from "../platform/field-crypto";
import { rotateDataKey } from "../services/keys/rotate-data-key";
import { openCliDatabase, operatorError } from "./cli-database";

export const USAGE = "Usage: npm run keys:rotate [-- --batch-size <1-10000>] [--max-batches <n>]";

const wholeNumber = (value: string | undefined, fallback: number | undefined, max: number) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : Number.NaN;
};

export async function runKeysRotate(argv: string[], env: Record<string, string | undefined>, print: (line: string) => void): Promise<number> {
  let values: { "batch-size"?: string; "max-batches"?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { "batch-size": { type: "string" }, "max-batches": { type: "string" } } }));
  } catch (error) {
    print(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const batchSize = wholeNumber(values["batch-size"], 100, 10_000)!;
  const maxBatches = wholeNumber(values["max-batches"], undefined, 1_000_000_000);
  if (Number.isNaN(batchSize) || Number.isNaN(maxBatches)) {
    print(`--batch-size and --max-batches take a whole number ≥ 1.\n${USAGE}`);
    return 2;
  }
  try {
    const { client, db, config } = await openCliDatabase(env);
    try {
      const keys = fieldKeysOf(config.secrets);
      const previous = Object.keys(keys.previousDataKeys ?? {});
      print(`Re-encrypting under data key ${keys.dataKeyVersion}; reading ${previous.length ? previous.join(", ") : "no previous keys"} (DATA_KEY_PREVIOUS).`);
      const result = await rotateDataKey({
        ctx: { db, blobs: createFileBlobStore(env.UPLOAD_DIR ?? "db/uploads"), clock: systemClock, keys },
        input: { batchSize, maxBatches, onProgress: (p) => print(`  ${p.source}: ${p.done} of ${p.total} rows checked, ${p.resealed} re-sealed in this batch`) },
      });
      if (!result.finished) {
        print(`Stopped after ${maxBatches} batch(es), ${result.resealed} value(s) re-sealed; run the command again to continue.`);
        return 0;
      }
      print(`Done: ${result.resealed} value(s) re-sealed under ${result.version}.`);
      if (result.leftover) {
        print(`Some values are still under an older key: a server still running with the old DATA_KEY wrote them. Restart every server with DATA_KEY_VERSION=${result.version}, then run this command again.`);
        return 1;
      }
      print(
        result.retired.length > 0
          ? `No value uses ${result.retired.join(", ")} any more: remove DATA_KEY_PREVIOUS and restart; keep the old key in your key store until the last backup sealed with it has expired.`
          : "Every value is under the current key.",
      );
      return 0;
    } finally {
      client.close();
    }
  } catch (error) {
    const message = operatorError(error);
    if (message !== undefined) {
      print(message);
      return 1;
    }
    // A value that does not open: say which key is missing, never the value or a key.
    print(`Rotation stopped: ${(error as Error).name}: ${(error as Error).message}. Progress so far is kept; fix the cause and run again.`);
    return 1;
  }
}
