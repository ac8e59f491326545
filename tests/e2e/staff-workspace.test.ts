/**
 * Issue 19 items 3, 4 and 5 in Chromium on the real Node entry: the console's own frame (no
 * public header or footer, full width, the `?` shortcut help, shortcuts silent while typing);
 * the complaint case as a workspace (no preselected decision, the focus on the result after
 * each action, a reply template inserted at the cursor, labels and Beijing time in the
 * history, one column at 360 px); and an application reviewed beside its documents (an image
 * inline through the audited route, a PDF with no pages saying it cannot be previewed beside
 * its download link (real PDFs drawn: staff-pdf-preview.test.ts), the checklist and proven answers, the
 * reason fields only for 不符合条件 and each document's 不通过 reason only for 不通过, 24 px
 * radios). axe on every changed page at 1366 and 360 px.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { validApplication } from "../fixtures/enrolment";
import { minimalPdf, pngWithMetadata } from "../fixtures/upload-files";
import { signInNewAccount } from "./demo-staff";
import { axeViolations, baseUrl, noBrowser, useBrowser } from "./page";

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

describe.skipIf(noBrowser)("the staff workspace in Chromium", () => {
  const browser = useBrowser();

  it("frames the console on its own, opens the shortcut help with ?, and works a case from the decision to a templated draft", async () => {
    const triage = await browser.page(1366);
    await signInNewAccount(triage, "complaint_intake", "工作台受理员的新密码足够长");

    // The console's own frame: no public header, navigation or footer; full width.
    expect(await triage.locator(".site-header, .site-footer, .site-nav").count()).toBe(0);
    expect(await triage.locator(".staff-header .staff-portal").textContent()).toContain("工作台");
    expect((await box(triage, ".staff-wrap")).width).toBeGreaterThan(1300);
    expect(await triage.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex, nofollow");

    // `?` opens the help; Esc closes it; axe is clean with it open.
    await triage.locator("#home-body").waitFor();
    await triage.keyboard.press("?");
    await triage.locator("#shortcut-help[open]").waitFor();
    const help = (await triage.locator("#shortcut-help").textContent())!;
    for (const key of ["j", "k", "[", "]", "a", "/", "?"]) expect(help).toContain(key);
    expect(await axeViolations(triage)).toEqual([]);
    await triage.keyboard.press("Escape");
    expect(await triage.locator("#shortcut-help[open]").count()).toBe(0);

    // A new case from the queue's API, opened in the workspace.
    const { complaints: items } = await triage.evaluate(async () => (await (await fetch("/api/staff/complaints?status=submitted")).json()) as { complaints: { id: string; reference: string }[] });
    expect(items.length).toBeGreaterThan(0);
    const caseUrl = `${baseUrl}/staff/complaints/case/?id=${items[0]!.id}`;
    await triage.goto(caseUrl);
    await triage.locator("#case-section:not([hidden])").waitFor();
    await triage.locator("#decide-form:not([hidden])").waitFor();

    // Facts beside sticky actions at 1366 px; no decision preselected.
    const facts = await box(triage, ".workspace-facts");
    const actions = await box(triage, ".workspace-actions");
    expect(actions.x).toBeGreaterThan(facts.x + facts.width - 1);
    expect(await triage.locator(".workspace-actions").evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
    expect(await triage.locator("#decision").inputValue()).toBe("");
    expect(await triage.locator("#decision option:checked").textContent()).toBe("请选择");
    expect(await axeViolations(triage)).toEqual([]);

    // Enter on the untouched form decides nothing: the server refuses and the summary takes the focus.
    await triage.focus("#decision");
    await triage.click("#decide-form button[type=submit]");
    await triage.locator("#decide-form .error-summary").waitFor();
    expect(await triage.locator("#decide-form .error-summary").textContent()).toContain("请选择受理或不予受理");
    expect(await triage.locator("#case-status").textContent()).toBe("");

    // Shortcuts stay silent while typing: "a" in the reason is text, not "assign".
    await triage.fill("#reason", "");
    await triage.focus("#reason");
    await triage.keyboard.type("a/");
    expect(await triage.locator("#reason").inputValue()).toBe("a/");
    expect(await focusedId(triage)).toBe("reason");
    await triage.fill("#reason", "");

    // Accept: the focus moves to the result.
    await triage.selectOption("#decision", "accept");
    await triage.click("#decide-form button[type=submit]");
    await triage.locator("#case-status:text('已保存受理决定。')").waitFor();
    expect(await focusedId(triage)).toBe("case-status");
    expect(await triage.locator("#case-status").getAttribute("role")).toBe("status");

    // `a` (outside a field) goes to the assign form; assign to the finance bureau.
    await triage.keyboard.press("a");
    expect(await focusedId(triage)).toBe("department");
    await triage.selectOption("#department", "caizheng-ju");
    await triage.click("#assign-form button[type=submit]");
    await triage.locator("#case-status:text('已分派。')").waitFor();
    expect(await focusedId(triage)).toBe("case-status");

    // The history speaks in labels and Beijing time, never in codes or UTC stamps.
    const history = (await triage.locator("#history").textContent())!;
    expect(history).toContain("北京时间");
    expect(history).toContain("财政局");
    expect(history).not.toMatch(/caizheng-ju|\d{4}-\d{2}-\d{2}T|accept\b/);

    // The finance bureau's liaison inserts the category's template at the cursor.
    const liaison = await browser.page(1366);
    await signInNewAccount(liaison, "department_liaison", "财政局联络员的新密码够长了", "caizheng-ju");
    await liaison.goto(caseUrl);
    await liaison.locator("#draft-form:not([hidden])").waitFor();
    const category = await liaison.evaluate(async (id) => ((await (await fetch(`/api/staff/complaints/${id}`)).json()) as { complaint: { category: string } }).complaint.category, items[0]!.id);
    const offered = await liaison.locator("#reply-template option[data-category]:not([hidden])").evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).dataset.category));
    expect(offered.length).toBeGreaterThan(2);
    expect(new Set(offered)).toEqual(new Set([category]));
    expect(await liaison.locator("#answer").inputValue()).toBe("");
    await liaison.fill("#answer", "您好：结尾。");
    await liaison.locator("#answer").evaluate((el) => (el as HTMLTextAreaElement).setSelectionRange(3, 3));
    const first = liaison.locator("#reply-template option[data-category]:not([hidden])").first();
    const [value, templateText] = [(await first.getAttribute("value"))!, (await first.getAttribute("data-text"))!];
    await liaison.selectOption("#reply-template", value);
    await liaison.click("#insert-template");
    expect(await liaison.locator("#answer").inputValue()).toBe(`您好：${templateText}结尾。`);
    expect(await focusedId(liaison)).toBe("answer");
    expect(await liaison.locator("#template-status").textContent()).toContain("已插入模板");
    await liaison.selectOption("#outcome", "substantiated");
    await liaison.click("#draft-form button[type=submit]");
    await liaison.locator("#case-status:text('答复稿已提交')").waitFor();
    expect(await focusedId(liaison)).toBe("case-status");
    expect(await axeViolations(liaison)).toEqual([]);

    // On a phone: one column (the actions below the facts), no sideways scroll, axe clean.
    const phone = await liaison.context().newPage();
    await phone.setViewportSize({ width: 360, height: 800 });
    await phone.goto(caseUrl);
    await phone.locator("#case-section:not([hidden])").waitFor();
    const phoneFacts = await box(phone, ".workspace-facts");
    expect((await box(phone, ".workspace-actions")).y).toBeGreaterThanOrEqual(phoneFacts.y + phoneFacts.height - 1);
    expect(await overflow(phone)).toBe(0);
    expect(await axeViolations(phone)).toEqual([]);
  });

  it("reviews an application beside its documents: an image inline, an empty PDF explained beside its link, reasons only for a rejection", async () => {
    const officer = await browser.page(1366);
    // A family's submission with a PNG and a PDF, sent from the site's own origin like the form's script.
    await officer.goto(`${baseUrl}/enrol/`);
    const png = [...pngWithMetadata()];
    const pdf = [...minimalPdf()];
    const submitted = await officer.evaluate(
      async ({ application, png, pdf }) => {
        const body = new FormData();
        body.set("application", JSON.stringify(application));
        body.append("documents.hukou", new File([new Uint8Array(png)], "hukou.png", { type: "image/png" }));
        body.append("documents.residence_permit", new File([new Uint8Array(pdf)], "permit.pdf", { type: "application/pdf" }));
        const res = await fetch("/api/enrol/applications", { method: "POST", body, headers: { Accept: "application/json", "Idempotency-Key": `workspace-e2e-${Date.now()}` } });
        return { status: res.status, body: (await res.json()) as { reference?: string } };
      },
      { application: validApplication(919), png, pdf },
    );
    expect(submitted.status).toBe(201);
    await signInNewAccount(officer, "enrolment_officer", "工作台招生经办的新密码够长");
    const { items } = await officer.evaluate(async () => (await (await fetch("/api/staff/applications?state=submitted")).json()) as { items: { id: string; reference: string }[] });
    const mine = items.find((i) => i.reference === submitted.body.reference)!;
    const detailUrl = `${baseUrl}/staff/applications/detail/?id=${mine.id}`;
    await officer.goto(detailUrl);
    await officer.locator(".document-review").first().waitFor();

    // The image is shown inline (loaded through the audited route); the PDF has no pages to draw.
    const image = officer.locator(".document-review img");
    await image.waitFor();
    await officer.waitForFunction(() => (document.querySelector(".document-review img") as HTMLImageElement | null)?.complete === true);
    expect(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await image.getAttribute("src")).toMatch(/\/documents\/[0-9a-f-]+\/inline$/);
    expect(await officer.locator(".document-review").count()).toBe(2);
    const pdfReview = officer.locator(".document-review", { hasText: "居住证" });
    expect(await pdfReview.locator("img").count()).toBe(0);
    await pdfReview.locator(".pdf-failed").waitFor();
    expect(await pdfReview.locator(".pdf-failed").textContent()).toBe("无法预览此文件，请下载后查看。");
    expect(await pdfReview.locator("a").first().getAttribute("href")).toMatch(/\/documents\/[0-9a-f-]+$/);
    // Beside each: the checklist and the answers it proves.
    const hukou = officer.locator(".document-review", { hasText: "户口簿" });
    expect(await hukou.locator(".checklist li").count()).toBeGreaterThan(0);
    expect(await hukou.locator(".answers").textContent()).toContain("测试孩子");
    expect(await axeViolations(officer)).toEqual([]);

    // Reason fields only for 不符合条件; the radios are 24 px targets aligned with their labels.
    expect(await officer.locator("#ineligible-fields").isHidden()).toBe(true);
    for (const id of ["field-decision", "field-decision-ineligible"]) {
      const radio = await box(officer, `#${id}`);
      const label = await box(officer, `label[for="${id}"]`);
      expect(Math.min(radio.width, radio.height)).toBeGreaterThanOrEqual(24);
      expect(Math.abs(radio.y + radio.height / 2 - (label.y + label.height / 2))).toBeLessThan(6);
    }
    await officer.check("#field-decision-ineligible");
    expect(await officer.locator("#ineligible-fields").isVisible()).toBe(true);
    // Still validated on the server: a rejection without its reason is refused.
    await officer.click("#decision-form button[type=submit]");
    await officer.locator("#decision-form .error-summary").waitFor();
    expect(await officer.locator("#decision-form .error-summary").textContent()).toContain("请选择不符合条件的原因");
    await officer.check("#field-decision");
    expect(await officer.locator("#ineligible-fields").isHidden()).toBe(true);
    expect(await axeViolations(officer)).toEqual([]);

    // Each document's 不通过 reason shows only once 不通过 is chosen; nothing is preselected.
    const verdict = hukou.locator("form.document-verdict");
    const reasonField = verdict.locator("[id^=reason-field-]");
    expect(await verdict.locator("input[type=radio]:checked").count()).toBe(0);
    expect(await reasonField.isHidden()).toBe(true);
    const radio = await verdict.locator("input[value=rejected]").boundingBox();
    expect(Math.min(radio!.width, radio!.height)).toBeGreaterThanOrEqual(24);
    // Saving without a verdict is refused by the server, in Chinese.
    await verdict.locator("button[type=submit]").click();
    await verdict.locator(".error-summary").waitFor();
    expect(await verdict.locator(".error-summary").textContent()).toContain("请选择通过或不通过");
    await verdict.locator("input[value=rejected]").check();
    expect(await reasonField.isVisible()).toBe(true);
    expect(await axeViolations(officer)).toEqual([]);
    // Still validated on the server: 不通过 without a reason is refused.
    await verdict.locator("button[type=submit]").click();
    await officer.waitForFunction(() => document.querySelector(".document-review form.document-verdict .error-summary")?.textContent?.includes("不通过时请写明原因"));
    await verdict.locator("input[value=accepted]").check();
    expect(await reasonField.isHidden()).toBe(true);
    // 通过 saves without a reason, and the heading shows the verdict.
    await verdict.locator("button[type=submit]").click();
    await officer.waitForFunction(() => [...document.querySelectorAll(".document-review h3")].some((h) => h.textContent?.includes("户口簿（已通过）")));

    // On a phone: one column, no sideways scroll, axe clean.
    const phone = await officer.context().newPage();
    await phone.setViewportSize({ width: 360, height: 800 });
    await phone.goto(detailUrl);
    await phone.locator(".document-review img").waitFor();
    expect(await overflow(phone)).toBe(0);
    expect(await axeViolations(phone)).toEqual([]);
  });
});
