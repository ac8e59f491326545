/**
 * The reviewer's preview of a document (issue 19 item 4), with the same permission and an
 * audit row per view like the download, under a sandbox CSP with nosniff: an image inline; a
 * PDF's bytes (for the page's pdf.js) exactly as a download, an attachment, so a navigation
 * never renders it; the download stays an attachment; the detail says how each document is
 * previewed and carries its checklist and the answers it proves (the intake's rules).
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../../db/schema";
import { validApplication } from "../../fixtures/enrolment";
import { get, insertUser, signInFully } from "../../fixtures/staff";
import { useTempDb } from "../../fixtures/temp-db";
import { enrolmentApp, submit } from "./enrolment-app";

const tempDb = useTempDb();

type Doc = { id: string; kindCode: string; preview: string | null; shows: string[]; proves: string[] };

describe("the inline preview of an application's documents", () => {
  it("shows an image inline and gives a PDF's bytes as an attachment to a reviewer, audited and sandboxed, and nothing to another role", async () => {
    const { app, clock } = enrolmentApp(tempDb());
    expect((await submit(app, validApplication(1))).status).toBe(201);
    const officer = await insertUser(tempDb().db, { role: "enrolment_officer" });
    const cookie = await signInFully(app, officer, clock.now());
    const [item] = ((await (await get(app, "/api/staff/applications", cookie)).json()) as { items: { id: string }[] }).items;
    const base = `/api/staff/applications/${item!.id}`;
    const { application } = (await (await get(app, base, cookie)).json()) as { application: { documents: Doc[] } };
    const png = application.documents.find((d) => d.kindCode === "hukou")!;
    const pdf = application.documents.find((d) => d.kindCode === "residence_permit")!;

    // The detail says which can be previewed, what each must show and which answers it proves.
    expect([png.preview, pdf.preview]).toEqual(["image", "pdf"]);
    expect(png.shows.length).toBeGreaterThan(0);
    expect(png.proves).toContain("child.name");
    expect(pdf.proves).toContain("permit");

    const views = () => tempDb().db.select().from(auditLog).where(and(eq(auditLog.action, "applications.document_view"), eq(auditLog.actorId, officer.id)));
    const res = await get(app, `${base}/documents/${png.id}/inline`, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/png");
    expect(res.headers.get("Content-Disposition")).toBe("inline");
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toMatch(/^sandbox;/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect([...new Uint8Array(await res.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((await views()).map((r) => [r.objectType, r.objectId, r.outcome])).toEqual([["application_document", png.id, "success"]]);

    // A PDF is never inline: its bytes leave as an attachment under the sandbox (pdf.js
    // fetches them; a navigation downloads them), and the view is recorded like an image's.
    const pdfView = await get(app, `${base}/documents/${pdf.id}/inline`, cookie);
    expect(pdfView.status).toBe(200);
    expect(pdfView.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdfView.headers.get("Content-Disposition")).toMatch(/^attachment; filename="[^"]*\.pdf"; filename\*=UTF-8''/);
    expect(pdfView.headers.get("Content-Security-Policy")).toMatch(/^sandbox; default-src 'none'/);
    expect(pdfView.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(pdfView.headers.get("Cache-Control")).toBe("no-store");
    expect(new TextDecoder().decode(new Uint8Array(await pdfView.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    expect((await views()).map((r) => r.objectId)).toEqual([png.id, pdf.id]);

    // The download is unchanged: an attachment under the same sandbox, for the PDF too, audited as a download.
    const download = await get(app, `${base}/documents/${pdf.id}`, cookie);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(download.headers.get("Content-Security-Policy")).toMatch(/^sandbox; default-src 'none'/);
    expect(await views()).toHaveLength(2);

    // Unknown ids, a document of another application, no session, another role: no image.
    expect((await get(app, `${base}/documents/00000000-0000-4000-8000-000000000000/inline`, cookie)).status).toBe(404);
    expect((await get(app, `/api/staff/applications/00000000-0000-4000-8000-000000000000/documents/${png.id}/inline`, cookie)).status).toBe(404);
    expect((await get(app, `${base}/documents/${png.id}/inline`)).status).toBe(401);
    const intake = await insertUser(tempDb().db, { role: "complaint_intake" });
    const intakeCookie = await signInFully(app, intake, clock.now());
    const other = await get(app, `${base}/documents/${png.id}/inline`, intakeCookie);
    expect([403, 404]).toContain(other.status);
    expect(other.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect((await get(app, `${base}/documents/${pdf.id}/inline`, intakeCookie)).status).toBe(403);
    expect(await views()).toHaveLength(2);
  }, 60_000);
});
