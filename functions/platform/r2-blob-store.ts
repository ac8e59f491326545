/** Blob store on a Cloudflare R2 bucket for the Worker entry. */
import type { R2Bucket } from "@cloudflare/workers-types";
import type { BlobStore } from "../deps";
import { assertBlobKey } from "./blob-key";

export function createR2BlobStore(bucket: R2Bucket): BlobStore {
  return {
    async put(key, bytes, contentType) {
      assertBlobKey(key);
      await bucket.put(key, bytes, { httpMetadata: { contentType } });
    },
    async get(key) {
      assertBlobKey(key);
      const object = await bucket.get(key);
      if (!object) return null;
      return {
        bytes: new Uint8Array(await object.arrayBuffer()),
        contentType: object.httpMetadata?.contentType ?? "application/octet-stream",
      };
    },
    async delete(key) {
      assertBlobKey(key);
      await bucket.delete(key);
    },
  };
}
