/**
 * The reviewer's inline preview of a document (issue 19 item 4): images only, with the same
 * permission and an audit row like the download, under a sandbox CSP with nosniff; a PDF is
 * refused (415) before anything is read or audited; the download stays an attachment; the
 * detail carries each document's checklist and the answers it proves (the intake's rules).
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../../db/schema";
import { validApplication } from "../../fixtures/enrolment";
import { get, insertUser, signInFully } from "../../fixtures/staff";
import { useTempDb } from "../../fixtures/temp-db";
import { enrolmentApp, submit } from "./enrolment-app";

const tempDb = useTempDb();

type Doc = { id: string; kindCode: string; inline: boolean; shows: string[]; proves: string[] };

describe("the inline preview of an application's documents", () => {
  it("shows an image inline to a reviewer, audited and sandboxed, refuses a PDF and every other role", async () => {
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
    expect([png.inline, pdf.inline]).toEqual([true, false]);
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

    // A PDF is never inline: refused before anything is read, and no view is recorded.
    const refused = await get(app, `${base}/documents/${pdf.id}/inline`, cookie);
    expect(refused.status).toBe(415);
    expect(((await refused.json()) as { message: string }).message).toContain("不是图片");
    expect(await views()).toHaveLength(1);

    // The download is unchanged: an attachment, for the PDF too.
    const download = await get(app, `${base}/documents/${pdf.id}`, cookie);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment;/);

    // Unknown ids, a document of another application, no session, another role: no image.
    expect((await get(app, `${base}/documents/00000000-0000-4000-8000-000000000000/inline`, cookie)).status).toBe(404);
    expect((await get(app, `/api/staff/applications/00000000-0000-4000-8000-000000000000/documents/${png.id}/inline`, cookie)).status).toBe(404);
    expect((await get(app, `${base}/documents/${png.id}/inline`)).status).toBe(401);
    const intake = await insertUser(tempDb().db, { role: "complaint_intake" });
    const other = await get(app, `${base}/documents/${png.id}/inline`, await signInFully(app, intake, clock.now()));
    expect([403, 404]).toContain(other.status);
    expect(other.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(await views()).toHaveLength(1);
  }, 60_000);
});
