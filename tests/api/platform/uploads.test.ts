/**
 * Stored uploads on the real file blob store: sealed on disk, readable only with the same
 * context, removable; and the download response's headers after the app's own security
 * header middleware has run.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { API_SECURITY_HEADERS, securityHeaders } from "../../../functions/middleware/security-headers";
import { contextOf } from "../../../functions/services/context";
import { downloadResponse } from "../../../functions/services/uploads/internal/download-response";
import { inspectUpload } from "../../../functions/services/uploads/internal/inspect-upload";
import { discardUpload, readUpload, storeUpload } from "../../../functions/services/uploads/internal/store-upload";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp } from "../../fixtures/test-app";
import { pngWithMetadata } from "../../fixtures/upload-files";

describe("stored uploads", () => {
  const tempDb = useTempDb();

  it("are sealed on disk under a random key, open only for their context, and can be discarded", async () => {
    const { deps } = buildTestApp(tempDb());
    const ctx = contextOf({ var: { deps, requestId: "req-1" } });
    expect(ctx.keys).toMatchObject({ dataKey: deps.config.secrets.DATA_KEY, indexKey: deps.config.secrets.INDEX_KEY, dataKeyVersion: "k1" });
    const file = await inspectUpload({ path: "documents.0", fileName: "home.png", bytes: pngWithMetadata() });
    const { blobKey, size } = await storeUpload(ctx, file, "application:a1:document:0");
    expect(blobKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(size).toBe(file.bytes.length);
    const dir = path.join(tempDb().dir, "uploads");
    const onDisk = readFileSync(path.join(dir, `${blobKey}.bin`));
    expect(onDisk.includes(Buffer.from("IHDR"))).toBe(false);
    expect(await readUpload(ctx, blobKey, "application:a1:document:0")).toEqual(file.bytes);
    await expect(readUpload(ctx, blobKey, "application:a2:document:0")).rejects.toThrow();
    await discardUpload(ctx, blobKey);
    expect(readdirSync(dir)).toEqual([]);
    await expect(readUpload(ctx, blobKey, "application:a1:document:0")).rejects.toThrow(/missing/);
  });

  it("download as a sandboxed, uncached attachment with the Chinese name intact", async () => {
    const app = new Hono()
      .use(securityHeaders(API_SECURITY_HEADERS))
      .get("/file", () => downloadResponse(new Uint8Array([1, 2, 3]), "application/pdf", "居住证 2026.pdf"));
    const res = await app.request("/file");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toBe(
      `attachment; filename="___ 2026.pdf"; filename*=UTF-8''%E5%B1%85%E4%BD%8F%E8%AF%81%202026.pdf`,
    );
    const csp = res.headers.get("Content-Security-Policy")!;
    expect(csp.split(";").map((d) => d.trim())).toContain("sandbox");
    expect(csp).toContain("default-src 'none'");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });
});
