/**
 * Puts an inspected upload into the blob store sealed (field-crypto sealBytes, the context
 * bound as additional data) under a random key, never a name a user chose. Call it BEFORE
 * the submission's database transaction (the Node database lock should not wait on disk or
 * crypto), keep the returned key in the row, and call discardUpload for every stored key
 * when the transaction fails, so no orphan blob remains.
 */
import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import { openBytes, sealBytes } from "../../../platform/field-crypto";
import type { SecureCtx } from "../../context";
import type { InspectedUpload } from "./inspect-upload";

/** Sealed blobs all carry this type; the real one lives in the row that references the blob. */
const SEALED_CONTENT_TYPE = "application/octet-stream";

export function newBlobKey(): string {
  return encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(24)));
}

export async function storeUpload(ctx: SecureCtx, file: InspectedUpload, context: string): Promise<{ blobKey: string; size: number }> {
  const blobKey = newBlobKey();
  const sealed = await sealBytes(ctx.keys, context, file.bytes);
  await ctx.blobs.put(blobKey, sealed, SEALED_CONTENT_TYPE);
  ctx.log.info("upload.stored", { kind: file.kind, size: file.bytes.length, requestId: ctx.requestId });
  return { blobKey, size: file.bytes.length };
}

export async function discardUpload(ctx: SecureCtx, blobKey: string): Promise<void> {
  await ctx.blobs.delete(blobKey);
}

/** The original (stripped) bytes; throws when the blob is missing or was sealed for another context. */
export async function readUpload(ctx: SecureCtx, blobKey: string, context: string): Promise<Uint8Array> {
  const blob = await ctx.blobs.get(blobKey);
  if (!blob) throw new Error("upload blob missing");
  return openBytes(ctx.keys, context, blob.bytes);
}
