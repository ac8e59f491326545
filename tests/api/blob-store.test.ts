import path from "node:path";
import { describe, expect, it } from "vitest";
import { createFileBlobStore } from "../../functions/platform/file-blob-store";
import { tempDir } from "../fixtures/temp-db";

describe("the file blob store", () => {
  it("keeps bytes and content type under a random key, and deletes them", async () => {
    const store = createFileBlobStore(path.join(tempDir(), "uploads"));
    const bytes = new TextEncoder().encode("%PDF-1.7 demo");
    await store.put("k_0123456789abcdef", bytes, "application/pdf");
    expect(await store.get("k_0123456789abcdef")).toEqual({ bytes, contentType: "application/pdf" });
    await store.delete("k_0123456789abcdef");
    expect(await store.get("k_0123456789abcdef")).toBeNull();
  });

  it("refuses a key that could leave its folder", async () => {
    const store = createFileBlobStore(path.join(tempDir(), "uploads"));
    await expect(store.put("../../etc/passwd-xxxxxxxx", new Uint8Array([1]), "text/plain")).rejects.toThrow(/invalid blob key/);
    await expect(store.get("../secrets/aaaaaaaaaaaaaaaa")).rejects.toThrow(/invalid blob key/);
  });
});
