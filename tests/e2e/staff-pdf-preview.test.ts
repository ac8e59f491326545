/**
 * Issue 19 item 4 in Chromium on the real Node entry: a PDF document drawn by pdf.js beside
 * the answers it proves. A family's application carries a real five-page PDF (户口簿) and a
 * damaged one (居住证) through the public API; the reviewer's page draws the first three
 * pages on canvases with non-white pixels, each named "户口簿，第n页，共5页", beside the
 * child's answers, and the other two on "显示全部5页"; the damaged file says it cannot be
 * previewed and keeps its download link. Every request pdf.js makes stays on our origin, no
 * CSP violation or console error occurs, one audit row is written per view, the download
 * keeps its attachment and sandbox headers, a department liaison (no applications.review)
 * is refused by the bytes route like every route it lacks (403 in JSON, the permission
 * matrix's answer; no bytes, no view recorded), and the page is axe clean at 1366 and 360 px.
 */
import { createClient } from "@libsql/client";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { validApplication } from "../fixtures/enrolment";
import { damagedPdf, pdfWithPages } from "../fixtures/upload-files";
import { signInNewAccount } from "./demo-staff";
import { axeViolations, baseUrl, noBrowser, useBrowser } from "./page";

async function viewAudits(documentId: string): Promise<number> {
  const client = createClient({ url: inject("databaseUrl") });
  try {
    const rs = await client.execute({ sql: "select count(*) as n from audit_log where action = 'applications.document_view' and object_id = ?", args: [documentId] });
    return Number(rs.rows[0]!.n);
  } finally {
    client.close();
  }
}

/** How many pixels of a canvas are not (near) white: a drawn page has its dark box. */
const inkedPixels = (page: Page, selector: string) =>
  page.locator(selector).evaluate((canvas) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) n += 1;
    return n;
  });

describe.skipIf(noBrowser)("the PDF preview on the application page in Chromium", () => {
  const browser = useBrowser();

  it("draws a real PDF beside the answers it proves, audited, on our origin only, and explains a damaged one", async () => {
    const officer = await browser.page(1366);
    await officer.goto(`${baseUrl}/enrol/`);
    const submitted = await officer.evaluate(
      async ({ application, scan, damaged }) => {
        const body = new FormData();
        body.set("application", JSON.stringify(application));
        body.append("documents.hukou", new File([new Uint8Array(scan)], "户口簿.pdf", { type: "application/pdf" }));
        body.append("documents.residence_permit", new File([new Uint8Array(damaged)], "permit.pdf", { type: "application/pdf" }));
        const res = await fetch("/api/enrol/applications", { method: "POST", body, headers: { Accept: "application/json", "Idempotency-Key": `pdf-preview-e2e-${Date.now()}` } });
        return { status: res.status, body: (await res.json()) as { reference?: string } };
      },
      { application: validApplication(931), scan: [...pdfWithPages(5)], damaged: [...damagedPdf()] },
    );
    expect(submitted.status).toBe(201);
    await signInNewAccount(officer, "enrolment_officer", "预览PDF的招生经办新密码够长");
    const { items } = await officer.evaluate(async () => (await (await fetch("/api/staff/applications?state=submitted")).json()) as { items: { id: string; reference: string }[] });
    const mine = items.find((i) => i.reference === submitted.body.reference)!;
    const { application } = await officer.evaluate(
      async (id) => (await (await fetch(`/api/staff/applications/${id}`)).json()) as { application: { documents: { id: string; kindCode: string; preview: string }[] } },
      mine.id,
    );
    const hukouDoc = application.documents.find((d) => d.kindCode === "hukou")!;
    expect(application.documents.map((d) => d.preview)).toEqual(["pdf", "pdf"]);

    // Watch everything the page asks for and every complaint the browser makes.
    const requests: string[] = [];
    const problems: string[] = [];
    officer.on("request", (r) => requests.push(r.url()));
    officer.on("console", (m) => {
      if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    officer.on("pageerror", (e) => problems.push(String(e)));
    const detailUrl = `${baseUrl}/staff/applications/detail/?id=${mine.id}`;
    await officer.goto(detailUrl);

    // The first three pages, drawn, named and beside the child's answers.
    const hukou = officer.locator(".document-review", { hasText: "户口簿" });
    await hukou.locator(".pdf-pages canvas").nth(2).waitFor();
    await officer.waitForFunction(() => document.querySelector(".pdf-more") !== null);
    expect(await hukou.locator("canvas").count()).toBe(3);
    expect(await hukou.locator("canvas").evaluateAll((cs) => cs.map((c) => [c.getAttribute("role"), c.getAttribute("aria-label")]))).toEqual([
      ["img", "户口簿，第1页，共5页"],
      ["img", "户口簿，第2页，共5页"],
      ["img", "户口簿，第3页，共5页"],
    ]);
    expect(await inkedPixels(officer, ".document-review canvas[data-page='1']")).toBeGreaterThan(1000);
    expect(await hukou.locator(".answers").textContent()).toContain("测试孩子");
    expect(await hukou.locator(`a[href$="/documents/${hukouDoc.id}"]`).count()).toBe(1);
    // The document sits beside its answers on a desktop: the canvas left of the checklist.
    const canvasBox = (await hukou.locator("canvas").first().boundingBox())!;
    const sideBox = (await hukou.locator(".document-side").boundingBox())!;
    expect(canvasBox.x + canvasBox.width).toBeLessThanOrEqual(sideBox.x);

    // The damaged file: one sentence and its download link, never a blank box.
    const permit = officer.locator(".document-review", { hasText: "居住证" });
    await permit.locator(".pdf-failed").waitFor();
    expect(await permit.locator(".pdf-failed").textContent()).toBe("无法预览此文件，请下载后查看。");
    expect(await permit.locator("canvas").count()).toBe(0);
    expect(await permit.locator(".document-preview a").getAttribute("href")).toMatch(/\/documents\/[0-9a-f-]+$/);
    expect(await axeViolations(officer)).toEqual([]);

    // The rest on request; the focus lands on the line that says so.
    await hukou.locator(".pdf-more").click();
    await hukou.locator(".pdf-status", { hasText: "已显示全部5页。" }).waitFor();
    expect(await hukou.locator("canvas").count()).toBe(5);
    expect(await officer.evaluate(() => document.activeElement?.textContent)).toBe("已显示全部5页。");
    expect(await inkedPixels(officer, ".document-review canvas[data-page='5']")).toBeGreaterThan(1000);

    // Everything stayed on our origin, under the CSP, without a console error.
    expect(requests.filter((u) => !u.startsWith(baseUrl))).toEqual([]);
    expect(requests.some((u) => /\/_astro\/pdf\.worker\.[^/]*\.mjs$/.test(u))).toBe(true);
    expect(problems).toEqual([]);
    // One audit row per view of each document (this page load), as for images.
    expect(await viewAudits(hukouDoc.id)).toBe(1);

    // The bytes route gives a PDF as an attachment under the sandbox, like the download;
    // the download itself is unchanged.
    const headersOf = (path: string) =>
      officer.evaluate(async (p) => {
        const res = await fetch(p);
        return { status: res.status, type: res.headers.get("Content-Type"), disposition: res.headers.get("Content-Disposition"), csp: res.headers.get("Content-Security-Policy"), nosniff: res.headers.get("X-Content-Type-Options") };
      }, path);
    const base = `/api/staff/applications/${mine.id}/documents/${hukouDoc.id}`;
    for (const path of [base, `${base}/inline`]) {
      const h = await headersOf(path);
      expect(h.status).toBe(200);
      expect(h.type).toBe("application/pdf");
      expect(h.disposition).toMatch(/^attachment; filename=/);
      expect(h.csp).toMatch(/^sandbox; default-src 'none'/);
      expect(h.nosniff).toBe("nosniff");
    }
    expect(await viewAudits(hukouDoc.id)).toBe(2);

    // On a phone: one column, no sideways scroll, axe clean.
    const phone = await officer.context().newPage();
    await phone.setViewportSize({ width: 360, height: 800 });
    await phone.goto(detailUrl);
    await phone.locator(".document-review canvas").first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(await axeViolations(phone)).toEqual([]);

    expect(await viewAudits(hukouDoc.id)).toBe(3);

    // A department liaison (no applications.review) gets no bytes from the route.
    const liaison = await browser.page(1366);
    await signInNewAccount(liaison, "department_liaison", "预览PDF的部门联络员新密码够长", "caizheng-ju");
    const refused = await liaison.evaluate(async (p) => {
      const res = await fetch(p);
      return { status: res.status, type: res.headers.get("Content-Type") };
    }, `${base}/inline`);
    expect(refused.status).toBe(403);
    expect(refused.type).toMatch(/^application\/json/);
    expect(await viewAudits(hukouDoc.id)).toBe(3);
  });
});
