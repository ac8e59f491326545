/**
 * `rotateDataKey({ ctx, input })`: moves every sealed value and file (internal/sealed-sources)
 * to the current data key version, in batches. Each source is walked in rowid order; after a
 * batch its values are written back (a column only if the row did not change meanwhile) and
 * the source's cursor is stored in `app_meta` (`keys.rotation`) in the same transaction, so a
 * killed run resumes where it stopped; a value already under the current version is skipped,
 * so redoing a batch is harmless. Crypto and file writes happen outside the transaction (the
 * Node database lock must not wait on them). When every source is done and no value or file
 * under an old version is left, the old versions' fingerprints are removed: the server then
 * no longer asks for them and DATA_KEY_PREVIOUS can be emptied. Run it after restarting the server with
 * the new key current (values the server writes meanwhile are already under it).
 */
import type { Db } from "../../../db/client";
import type { BlobStore, Clock } from "../../deps";
import { currentVersion, type FieldKeys } from "../../platform/field-crypto";
import { DATA_PREFIX, deleteMeta, readFingerprints, readMeta, ROTATION_KEY, writeMeta } from "./internal/key-meta";
import { resealItem } from "./internal/open-item";
import { SEALED_SOURCES, versionOf, type Runner, type SealedSource } from "./internal/sealed-sources";

export type RotationProgress = { source: string; done: number; total: number; resealed: number; version: string };
export type RotateInput = {
  batchSize: number;
  /** Stop after this many batches (tests; an operator may pace a long run). */
  maxBatches?: number;
  onProgress?: (p: RotationProgress) => void | Promise<void>;
  sources?: readonly SealedSource[];
};
/** `leftover`: values under an old version were found behind the cursor at the end (written by a server still on the old key); the next run walks everything again. */
export type RotateResult = { finished: boolean; resealed: number; retired: string[]; leftover: boolean; version: string };

type State = { to: string; cursors: Record<string, number>; startedAt: string };

async function loadState(db: Db, to: string, now: Date): Promise<State> {
  const raw = await readMeta(db, ROTATION_KEY);
  const state = raw ? (JSON.parse(raw) as State) : undefined;
  // A run towards another version starts over: its cursors describe the wrong target.
  return state && state.to === to ? state : { to, cursors: {}, startedAt: now.toISOString() };
}

export async function rotateDataKey({ ctx, input }: { ctx: { db: Db; blobs: BlobStore; clock: Clock; keys: FieldKeys }; input: RotateInput }): Promise<RotateResult> {
  const { db, blobs, keys } = ctx;
  const to = currentVersion(keys);
  const sources = input.sources ?? SEALED_SOURCES;
  const state = await loadState(db, to, ctx.clock.now());
  let batches = 0;
  let resealed = 0;
  for (const source of sources) {
    const total = await source.count(db);
    let done = 0;
    for (;;) {
      if (input.maxBatches !== undefined && batches >= input.maxBatches) return { finished: false, resealed, retired: [], leftover: false, version: to };
      const after = state.cursors[source.name] ?? 0;
      const rows = await source.rows(db, after, input.batchSize);
      if (rows.length === 0) break;
      const writes: ((on: Runner) => Promise<boolean>)[] = [];
      for (const row of rows) {
        for (const item of await source.items(row, { db, blobs })) {
          if (versionOf(item) === to) continue;
          const next = await resealItem(keys, item);
          writes.push((on) => item.write(next, on));
        }
      }
      // Files are renamed into place first; the cursor moves only once they are all written.
      const fileWrites = source.name.endsWith("(files)");
      if (fileWrites) for (const write of writes) await write(db);
      state.cursors[source.name] = rows.at(-1)!.rowid;
      await db.transaction(async (tx) => {
        if (!fileWrites) for (const write of writes) await write(tx);
        await writeMeta(tx, ROTATION_KEY, JSON.stringify(state), ctx.clock.now());
      });
      resealed += writes.length;
      done += rows.length;
      batches += 1;
      await input.onProgress?.({ source: source.name, done, total, resealed: writes.length, version: to });
    }
  }
  const leftover = await oldValueLeft(db, sources, blobs, to);
  // Either way this pass is over: a next run starts from the first row again.
  const retired = leftover ? [] : await retireOldVersions(db, to);
  await deleteMeta(db, ROTATION_KEY);
  return { finished: true, resealed, retired, leftover, version: to };
}

/** Reads everything once more: is a value or file still under another version than `to`? */
async function oldValueLeft(db: Db, sources: readonly SealedSource[], blobs: BlobStore, to: string): Promise<boolean> {
  for (const source of sources) {
    for (let after = 0; ; ) {
      const rows = await source.rows(db, after, 500);
      if (rows.length === 0) break;
      for (const row of rows) for (const item of await source.items(row, { db, blobs })) if (versionOf(item) !== to) return true;
      after = rows.at(-1)!.rowid;
    }
  }
  return false;
}

/** Removes the fingerprints of the versions no value uses any more: the start stops asking for their keys. */
async function retireOldVersions(db: Db, to: string): Promise<string[]> {
  const old = Object.keys((await readFingerprints(db)).data).filter((v) => v !== to);
  await db.transaction(async (tx) => {
    for (const version of old) await deleteMeta(tx, `${DATA_PREFIX}${version}`);
  });
  return old;
}
