import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { auditLog, complaintAttachments, complaints } from "../../../db/schema";
import { eq } from "drizzle-orm";
import { useTempDb } from "../../fixtures/temp-db";
import { fixedClock } from "../../fixtures/test-app";
import { buildStaffApp, get, insertUser, signInFully } from "../../fixtures/staff";
import { VALID_COMPLAINT } from "../../fixtures/complaints";
import { minimalPdf, pngWithMetadata } from "../../fixtures/upload-files";

function multipart(fields: Record<string, string>, files: { name: string; type: string; bytes: Uint8Array }[]) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append("attachments", new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  return form;
}

const blobFiles = (dir: string) => {
  try {
    return readdirSync(path.join(dir, "uploads"), { recursive: true, encoding: "utf8" }).filter((f) => !f.endsWith("/"));
  } catch {
    return [];
  }
};

describe("attachments to a complaint", () => {
  const tempDb = useTempDb();

  it("are checked by content, stripped of metadata, sealed, and downloadable only by staff who may read the case", async () => {
    const clock = fixedClock("2026-09-01T08:00:00.000Z");
    const { app } = buildStaffApp(tempDb(), { clock });
    const png = pngWithMetadata();
    const res = await app.request("http://localhost/api/complaints", {
      method: "POST",
      headers: { Accept: "application/json", "Sec-Fetch-Site": "same-origin" },
      body: multipart({ ...VALID_COMPLAINT, category: "funds" }, [
        { name: "收费通知.png", type: "image/png", bytes: png },
        { name: "收据.pdf", type: "application/pdf", bytes: minimalPdf() },
      ]),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const rows = await tempDb().db.select().from(complaintAttachments).all();
    expect(rows.map((r) => r.originalName).sort()).toEqual(["收据.pdf", "收费通知.png"]);
    // Stored sealed: no file on disk contains the PNG's signature or its text chunk.
    const stored = blobFiles(tempDb().dir).map((f) => readFileSync(path.join(tempDb().dir, "uploads", f)));
    expect(stored.length).toBeGreaterThanOrEqual(2);
    expect(stored.some((b) => b.includes(Buffer.from("IHDR")))).toBe(false);

    const db = tempDb().db;
    const triage = await signInFully(app, await insertUser(db, { role: "complaint_intake" }), clock.now());
    const other = await signInFully(app, await insertUser(db, { role: "department_liaison", department: "jianshe-ju" }), clock.now());
    const id = (await db.select().from(complaints).get())!.id;
    const detail = await (await get(app, `/api/staff/complaints/${id}`, triage)).json();
    const image = detail.complaint.attachments.find((a: { name: string }) => a.name === "收费通知.png");
    const download = await get(app, `/api/staff/complaints/${id}/attachments/${image.id}`, triage);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(download.headers.get("Content-Security-Policy")).toMatch(/^sandbox/);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(Buffer.from(bytes).includes(Buffer.from("IHDR"))).toBe(true);
    // The metadata chunks the fixture carries are gone.
    for (const chunk of ["tEXt", "eXIf", "iTXt", "tIME"]) expect(Buffer.from(bytes).includes(Buffer.from(chunk)), chunk).toBe(false);
    expect((await get(app, `/api/staff/complaints/${id}/attachments/${image.id}`, other)).status).toBe(404);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "complaints.download")).all();
    expect(audit.map((a) => a.outcome)).toEqual(["success"]);
  }, 60_000);

  it("refuses a file that is not an image or PDF, by its content, storing neither the complaint nor any file", async () => {
    const { app } = buildStaffApp(tempDb(), { clock: fixedClock() });
    const res = await app.request("http://localhost/api/complaints", {
      method: "POST",
      headers: { Accept: "application/json", "Sec-Fetch-Site": "same-origin" },
      body: multipart(VALID_COMPLAINT, [{ name: "照片.png", type: "image/png", bytes: new TextEncoder().encode("<html><script>alert(1)</script></html>") }]),
    });
    expect(res.status).toBe(422);
    expect((await res.json()).fields[0]).toEqual({ path: "attachments", message: "只能上传JPG、PNG或PDF文件" });
    expect(await tempDb().db.select().from(complaints).all()).toHaveLength(0);
    expect(blobFiles(tempDb().dir)).toEqual([]);
  });

  it("accepts a no-JS multipart post with an empty file input as a complaint without attachments", async () => {
    const { app } = buildStaffApp(tempDb(), { clock: fixedClock() });
    const form = multipart({ ...VALID_COMPLAINT, website: "" }, []);
    form.append("attachments", new File([], "", { type: "application/octet-stream" }));
    const res = await app.request("http://localhost/api/complaints", { method: "POST", headers: { "Sec-Fetch-Site": "same-origin" }, body: form });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/api/complaints/receipt");
    expect(await tempDb().db.select().from(complaints).all()).toHaveLength(1);
    expect(await tempDb().db.select().from(complaintAttachments).all()).toHaveLength(0);
  });
});
