/**
 * Blob store on the local disk for the Node entry: one file per blob plus a small JSON
 * sidecar with its content type, in a folder outside the web root. Writes go to a temporary
 * name first and are renamed into place, so a crash never leaves half a file under a real key.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BlobStore } from "../deps";
import { assertBlobKey } from "./blob-key";

export function createFileBlobStore(dir: string): BlobStore {
  const file = (key: string, ext: string) => {
    assertBlobKey(key);
    return path.join(dir, `${key}.${ext}`);
  };
  return {
    async put(key, bytes, contentType) {
      await mkdir(dir, { recursive: true });
      const tmp = `${file(key, "bin")}.tmp-${process.pid}`;
      await writeFile(tmp, bytes);
      await writeFile(file(key, "json"), JSON.stringify({ contentType }));
      await rename(tmp, file(key, "bin"));
    },
    async get(key) {
      try {
        const [bytes, meta] = await Promise.all([readFile(file(key, "bin")), readFile(file(key, "json"), "utf8")]);
        return { bytes: new Uint8Array(bytes), contentType: (JSON.parse(meta) as { contentType: string }).contentType };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await Promise.all([rm(file(key, "bin"), { force: true }), rm(file(key, "json"), { force: true })]);
    },
  };
}
