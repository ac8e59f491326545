/**
 * Issue 16 items 6 and 7 on a 320 px phone WITHOUT JavaScript, in Chromium on the real Node
 * entry: the form is one question group per page (a blank group lists each of its fields
 * once), full-width digits and "+86" are accepted, the check page changes one group and
 * comes back, the confirmation's access code breaks only between groups, and no page is
 * wider than the screen. The page heights are printed as the measurement for the report.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { tempDir } from "../fixtures/temp-db";
import { fakeIdNumber } from "../fixtures/enrolment";
import { minimalPdf, pngWithMetadata } from "../fixtures/upload-files";
import { axeOfNoJsPage, childId, fillFromPermit, next, noJsPhone } from "./enrol-steps";
import { baseUrl, noBrowser, useBrowser } from "./page";

const dir = tempDir("enrol-phone-");
const permitFile = path.join(dir, "permit.pdf");
const hukouFile = path.join(dir, "hukou.png");
writeFileSync(permitFile, minimalPdf());
writeFileSync(hukouFile, pngWithMetadata());

/** Full-width forms of ASCII digits and letters, as a Chinese input method types them. */
const wide = (text: string) => [...text].map((c) => (c >= "!" && c <= "~" ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join("");

const heights: Record<string, number> = {};

async function fitsPhone(page: Page, name: string) {
  const size = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, inner: window.innerWidth, height: document.documentElement.scrollHeight }));
  expect(size.width).toBeLessThanOrEqual(size.inner);
  heights[name] = size.height;
}

describe.skipIf(noBrowser)("the application form on a 320 px phone without JavaScript", () => {
  const browser = useBrowser();

  it("goes group by group, accepts full-width input, checks and changes, and shows a code that never breaks inside", async () => {
    const { context, page: p, checker } = await noJsPhone(browser, 640);

    await p.goto(`${baseUrl}/enrol/apply/`);
    expect(await p.locator("#application-form section").count()).toBe(1);
    expect(await p.locator(".step-count").textContent()).toContain("第1步，共8步");
    await fitsPhone(p, "grade");
    expect(await axeOfNoJsPage(p, checker)).toEqual([]);

    // A blank group: each of its fields once in the summary.
    await p.check("#field-grade");
    await next(p, "child");
    await p.click('#application-form button[value="next"]');
    await p.waitForURL("**/api/enrol/draft/step");
    const items = await p.locator(".error-summary li").allTextContents();
    expect(items).toHaveLength(5);
    expect(new Set(items).size).toBe(5);
    await fitsPhone(p, "child with errors");
    expect(await axeOfNoJsPage(p, checker)).toEqual([]);

    // Full-width digits in the ID, as a phone keyboard may type them (the date is a date input: the browser's picker writes it).
    await p.fill("#field-child-name", "赵小川");
    await p.fill("#field-child-idNumber", wide(childId(43)));
    await p.check("#field-child-sex");
    await p.fill("#field-child-birthDate", "2020-03-15");
    await p.fill("#field-child-hukouPlace", "江西省上饶市玉山县");
    await next(p, "guardians");
    await fitsPhone(p, "guardians");
    await p.fill("#field-guardians-0-name", "赵家长");
    await p.selectOption("#field-guardians-0-relationship", "mother");
    const guardianId = fakeIdNumber("1988-07-01", "female", 43, "361123");
    await p.fill("#field-guardians-0-idNumber", `${guardianId.slice(0, 6)} ${guardianId.slice(6, 14)} ${guardianId.slice(14)}`);
    await p.fill("#field-guardians-0-phone", "＋８６ １３７-０００３-３３３３");
    // 上一步 keeps what was typed.
    await p.click('#application-form button[value="back"]');
    await p.locator('#application-form[data-step="child"]').waitFor();
    expect(await p.locator("#field-child-name").inputValue()).toBe("赵小川");
    await next(p, "guardians");
    expect(await p.locator("#field-guardians-0-name").inputValue()).toBe("赵家长");
    await fillFromPermit(p, 43);
    await fitsPhone(p, "special needs");
    await p.click('#application-form button[value="next"]');
    await p.waitForURL("**/api/enrol/draft/check");
    const answers = await p.locator("main").textContent();
    expect(answers).toContain("13700033333");
    expect(answers).toContain("2020-03-15");
    await fitsPhone(p, "check");
    expect(await axeOfNoJsPage(p, checker)).toEqual([]);

    // Change one answer from the check page: its group alone, then straight back.
    await p.click('a[data-change="child.name"]');
    await p.locator('#application-form[data-step="child"]').waitFor();
    await p.fill("#field-child-name", "赵小山");
    await p.click('#application-form button[value="next"]');
    await p.waitForURL("**/api/enrol/draft/check");
    expect(await p.locator("main").textContent()).toContain("赵小山");

    await p.setInputFiles("#field-documents-residence_permit", permitFile);
    await p.setInputFiles("#field-documents-hukou", hukouFile);
    await p.check("#field-consents-childData");
    await p.check("#field-consents-declaration");
    await p.click("#submit-form button[type=submit]");
    await p.locator(".access-code").waitFor();
    expect(p.url()).not.toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}/);
    // Each group of the code on one line (one client rect), and the code is whole.
    const groups = await p.locator(".code-group").evaluateAll((els) => els.map((e) => ({ text: e.textContent, rects: e.getClientRects().length })));
    expect(groups).toHaveLength(4);
    expect(groups.every((g) => g.rects === 1)).toBe(true);
    expect(groups.map((g) => g.text).join("")).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await fitsPhone(p, "confirmation");
    expect(await axeOfNoJsPage(p, checker)).toEqual([]);

    // "忘记查询码" and "我家孩子能上哪所学校" work at 320 px without a script too.
    await p.goto(`${baseUrl}/track/recover/`);
    await fitsPhone(p, "recover");
    expect(await axeOfNoJsPage(p, checker)).toEqual([]);
    await p.fill("#field-reference", "RX2026-00001");
    await p.fill("#field-phone", "13700033333");
    await p.click("form button[type=submit]");
    await p.waitForURL("**/api/enrol/recover");
    expect(await p.locator("main").textContent()).toContain("新的查询码已通过短信发送");
    await p.goto(`${baseUrl}/enrol/where/?community=wenchang`);
    await p.click("#area-qingxi summary");
    expect(await p.locator("#community-wenchang").textContent()).toContain("文昌小学");
    expect(await p.locator("#community-wenchang").isVisible()).toBe(true);
    await fitsPhone(p, "where");
    expect(await axeOfNoJsPage(p, checker)).toEqual([]);

    console.log(`page heights at 320 px: ${JSON.stringify(heights)}`);
    await context.close();
  }, 300_000);
});
