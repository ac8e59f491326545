/**
 * Blob store on the local disk for the Node entry: one file per blob plus a small JSON
 * sidecar with its content type, in a folder outside the web root. Writes go to a temporary
 * name first and are renamed into place, so a crash never leaves half a file under a real key;
 * what a crash does leave (a `.tmp-<pid>` file, or a sidecar without its blob) is found by
 * `list` and `sweepPartials` for the orphan sweep (services/uploads/sweep-orphan-uploads).
 * Failures of the disk (ENOSPC, EACCES, EROFS, EIO) are thrown as BlobStoreError, which the
 * app answers 503 (platform/storage-fault).
 */
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { BlobStore } from "../deps";
import { assertBlobKey } from "./blob-key";
import { blobCall } from "./storage-fault";

const STORED = /^([A-Za-z0-9_-]{16,128})\.(bin|json)$/;
const PARTIAL = /\.tmp-\d+$/;

export type FileBlobStore = BlobStore & {
  /** Removes leftover `.tmp-<pid>` files (a write killed before its rename) last changed before `before`; returns how many. */
  sweepPartials(before: Date): Promise<number>;
};

/** Writes the file and waits until its bytes are on the disk. */
async function writeDurably(name: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(name, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Waits until the folder's entries (a new name, a rename) are on the disk. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function createFileBlobStore(dir: string): FileBlobStore {
  const file = (key: string, ext: string) => path.join(dir, `${key}.${ext}`);
  /** A key is checked before the disk is touched: a bad key is our bug (an Error), not a storage fault. */
  const checked = async <T>(key: string, run: () => Promise<T>) => {
    assertBlobKey(key);
    return run();
  };
  /** The folder's names with their modification times; none when the folder was never created. */
  const entries = async () => {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const out: { name: string; modifiedAt: Date }[] = [];
    for (const name of names) {
      try {
        out.push({
          name,
          modifiedAt: (await stat(path.join(dir, name))).mtime,
        });
      } catch (error) {
        // Renamed or removed meanwhile (a write finishing, another sweep).
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
    return out;
  };
  return {
    put: (key, bytes, contentType) =>
      checked(key, () =>
        blobCall("put", async () => {
          await mkdir(dir, { recursive: true });
          const tmp = `${file(key, "bin")}.tmp-${process.pid}`;
          await Promise.all([writeDurably(tmp, bytes), writeDurably(file(key, "json"), JSON.stringify({ contentType }))]);
          await rename(tmp, file(key, "bin"));
          await syncFolder(dir);
        }),
      ),
    get: (key) =>
      checked(key, () =>
        blobCall("get", async () => {
          try {
            const [bytes, meta] = await Promise.all([readFile(file(key, "bin")), readFile(file(key, "json"), "utf8")]);
            return {
              bytes: new Uint8Array(bytes),
              contentType: (JSON.parse(meta) as { contentType: string }).contentType,
            };
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
            throw error;
          }
        }),
      ),
    delete: (key) =>
      checked(key, () =>
        blobCall("delete", async () => {
          await Promise.all([rm(file(key, "bin"), { force: true }), rm(file(key, "json"), { force: true })]);
        }),
      ),
    list: () =>
      blobCall("list", async () => {
        const byKey = new Map<string, Date>();
        for (const { name, modifiedAt } of await entries()) {
          const key = STORED.exec(name)?.[1];
          if (!key) continue;
          const seen = byKey.get(key);
          if (!seen || seen < modifiedAt) byKey.set(key, modifiedAt);
        }
        return {
          blobs: [...byKey].map(([key, modifiedAt]) => ({ key, modifiedAt })),
        };
      }),
    sweepPartials: (before) =>
      blobCall("delete", async () => {
        let removed = 0;
        for (const { name, modifiedAt } of await entries()) {
          if (!PARTIAL.test(name) || modifiedAt >= before) continue;
          await rm(path.join(dir, name), { force: true });
          removed++;
        }
        return removed;
      }),
  };
}
