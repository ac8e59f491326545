/**
 * Blob store on a Cloudflare R2 bucket for the Worker entry. R2 writes are atomic (no partial
 * objects to sweep); any failure of the bucket is thrown as BlobStoreError, which the app
 * answers 503 (platform/storage-fault). `list` pages through the bucket for the orphan sweep.
 */
import type { R2Bucket } from "@cloudflare/workers-types";
import type { BlobStore } from "../deps";
import { assertBlobKey } from "./blob-key";
import { blobCall } from "./storage-fault";

const LIST_PAGE = 1000;

export function createR2BlobStore(bucket: R2Bucket): BlobStore {
  return {
    async put(key, bytes, contentType) {
      assertBlobKey(key);
      await blobCall("put", () => bucket.put(key, bytes, { httpMetadata: { contentType } }));
    },
    async get(key) {
      assertBlobKey(key);
      return blobCall("get", async () => {
        const object = await bucket.get(key);
        if (!object) return null;
        return {
          bytes: new Uint8Array(await object.arrayBuffer()),
          contentType: object.httpMetadata?.contentType ?? "application/octet-stream",
        };
      });
    },
    async delete(key) {
      assertBlobKey(key);
      await blobCall("delete", () => bucket.delete(key));
    },
    list: (page) =>
      blobCall("list", async () => {
        const listed = await bucket.list({ limit: LIST_PAGE, ...(page?.cursor ? { cursor: page.cursor } : {}) });
        return {
          blobs: listed.objects.map((o) => ({ key: o.key, modifiedAt: o.uploaded })),
          ...(listed.truncated ? { cursor: listed.cursor } : {}),
        };
      }),
  };
}
