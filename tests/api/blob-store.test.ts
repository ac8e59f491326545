import { existsSync } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
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

  it("flushes the bytes and the sidecar before the rename, and the folder after it, before put returns", async () => {
    // A put comes before the submission's commit, so a power cut after the acknowledgement
    // must find the file under its key (issue 21): fsync of the data, then of the folder entry.
    const dir = path.join(tempDir(), "uploads");
    const store = createFileBlobStore(dir);
    const probe = await open(path.join(dir, "..", "probe"), "w");
    const fileHandle = Object.getPrototypeOf(probe) as { sync(): Promise<void> };
    await probe.close();
    const finalName = path.join(dir, "k_0123456789abcdef.bin");
    const seen: boolean[] = [];
    const sync = vi.spyOn(fileHandle, "sync").mockImplementation(async function (this: unknown) {
      seen.push(existsSync(finalName));
    });
    try {
      await store.put("k_0123456789abcdef", new Uint8Array([1, 2, 3]), "application/pdf");
    } finally {
      sync.mockRestore();
    }
    // Bytes and sidecar flushed while the blob still had its temporary name; the folder after the rename.
    expect(seen).toEqual([false, false, true]);
    expect(await store.get("k_0123456789abcdef")).toEqual({ bytes: new Uint8Array([1, 2, 3]), contentType: "application/pdf" });
  });
});
