/**
 * Enrolment end to end in Chromium on the real Node entry: one family applies with
 * JavaScript and another without, the demo enrolment officer reviews both in the console,
 * the demo supervisor runs and publishes the allocation, and a family accepts its offer on
 * /track/. axe runs on every public step, at 320 px for the mobile-first pages.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { minimalPdf, pngWithMetadata } from "../fixtures/upload-files";
import { tempDir } from "../fixtures/temp-db";
import { demoAccount, firstSignIn } from "./demo-staff";
import { axeViolations, baseUrl, noBrowser, useBrowser } from "./page";
import { axeOfNoJsPage, childId, fillFromGuardians, fillFromPermit, fillToChild, noJsPhone } from "./enrol-steps";

const dir = tempDir("enrol-e2e-");
const permitFile = path.join(dir, "permit.pdf");
const hukouFile = path.join(dir, "hukou.png");
writeFileSync(permitFile, minimalPdf());
writeFileSync(hukouFile, pngWithMetadata());

async function noScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

async function finishAndSubmit(page: Page) {
  await page.setInputFiles("#field-documents-residence_permit", permitFile);
  await page.setInputFiles("#field-documents-hukou", hukouFile);
  await page.check("#field-consents-childData");
  await page.check("#field-consents-declaration");
  await page.click("#submit-form button[type=submit]");
}

async function receiptOf(page: Page) {
  await page.locator(".panel .code").first().waitFor();
  const [reference, accessCode] = await page.locator(".panel .code").allTextContents();
  expect(reference).toMatch(/^RX\d{4}-\d{5}$/);
  return { reference: reference!, accessCode: accessCode! };
}

describe.skipIf(noBrowser)("enrolment in Chromium", () => {
  const browser = useBrowser();
  const families: { reference: string; accessCode: string }[] = [];

  it("checks eligibility on static pages and explains why not, without form errors", async () => {
    const page = await browser.page(320);
    await page.goto(`${baseUrl}/enrol/`);
    expect(await page.locator("h1").textContent()).toContain("随迁子女招生");
    expect(await page.locator("body").textContent()).toContain("提交时间不影响结果");
    expect(await axeViolations(page)).toEqual([]);
    await noScroll(page);
    await page.goto(`${baseUrl}/enrol/check/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "小学一年级", exact: true }).click();
    await page.waitForURL("**/enrol/check/age-1/**");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "是", exact: true }).click();
    await page.waitForURL("**/enrol/check/permit/**");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "有，但已过期", exact: true }).click();
    await page.waitForURL("**/enrol/check/result/permit-expired/**");
    expect(await page.locator("h1").textContent()).toBe("孩子现在还不能申请");
    expect(await page.locator("body").textContent()).toContain("签注");
    expect(await page.locator(".error-summary").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  }, 300_000);

  it("lets a family apply with JavaScript: errors in the summary, check answers, one submission", async () => {
    const page = await browser.page(320);
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && problems.push(m.text()));
    await page.goto(`${baseUrl}/enrol/apply/`);
    expect(await axeViolations(page)).toEqual([]);
    await fillToChild(page, "李小明");
    await page.fill("#field-child-idNumber", "110105194912310021");
    await page.click('#application-form button[value="next"]');
    await page.locator(".error-summary").waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
    expect(await page.title()).toMatch(/^错误：/);
    expect(await page.locator("#field-child-name").inputValue()).toBe("李小明");
    expect(await axeViolations(page)).toEqual([]);
    await page.fill("#field-child-idNumber", childId(41));
    await fillFromGuardians(page, 41);
    await fillFromPermit(page, 41);
    await page.click('#application-form button[value="next"]');
    await page.locator("#step-check h1").waitFor({ state: "visible" });
    expect(await page.locator("#answers").textContent()).toContain("李小明");
    expect(await axeViolations(page)).toEqual([]);
    // The page is dropped (as a phone may drop it while the camera is open): the kept draft reopens on the check page.
    await page.reload();
    await page.locator("#step-check h1").waitFor({ state: "visible" });
    expect(await page.locator("#answers").textContent()).toContain("李小明");
    await noScroll(page);
    await finishAndSubmit(page);
    families.push(await receiptOf(page));
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 300_000);

  it("lets a family apply without JavaScript through server-rendered steps", async () => {
    const { context, page: p, checker } = await noJsPhone(browser);
    await p.goto(`${baseUrl}/enrol/apply/`);
    await fillToChild(p, "王小红");
    await p.fill("#field-child-idNumber", childId(42));
    await fillFromGuardians(p, 42, "123");
    await p.click('#application-form button[value="next"]');
    await p.waitForURL("**/api/enrol/draft/step");
    expect(await p.title()).toMatch(/^错误：/);
    expect(await p.locator(".error-summary").textContent()).toContain("手机号码");
    expect(await p.locator("#field-guardians-0-name").inputValue()).toBe("测试家长");
    expect(await axeOfNoJsPage(p, checker)).toEqual([]);
    await p.fill("#field-guardians-0-phone", "13700002222");
    await fillFromPermit(p, 42);
    await p.click('#application-form button[value="next"]');
    await p.waitForURL("**/api/enrol/draft/check");
    expect(await p.locator("h1").textContent()).toBe("核对您的信息");
    expect(await axeOfNoJsPage(p, checker)).toEqual([]);
    await finishAndSubmit(p);
    families.push(await receiptOf(p));
    expect(await axeOfNoJsPage(p, checker)).toEqual([]);
    await p.goto(`${baseUrl}/track/`);
    expect(await axeOfNoJsPage(p, checker)).toEqual([]);
    await p.fill("#field-reference", families[1]!.reference);
    await p.fill("#field-accessCode", families[1]!.accessCode.toLowerCase());
    await p.click("button[type=submit]");
    await p.locator("text=当前状态").waitFor();
    expect(await p.locator("main").textContent()).toContain("已提交");
    expect(await axeOfNoJsPage(p, checker)).toEqual([]);
    await context.close();
  }, 300_000);

  it("has staff review both, and the supervisor meet the calendar: no draw while the window is open, a dry run only with a test seed", async () => {
    expect(families).toHaveLength(2);
    const officer = await browser.page(1024);
    await firstSignIn(officer, demoAccount("招生经办"), "招生经办的新密码足够长");
    // The home's enrolment counts (issue 19) link to the queue filtered to exactly those; a
    // filter chosen there applies at once and joins the others in the URL.
    await officer.click("#application-counts a:has-text('待审核的申请')");
    await officer.waitForURL("**/staff/applications/?state=submitted");
    await officer.locator("#queue-count:has-text('共')").waitFor();
    const count = Number((await officer.locator("#queue-count").textContent())!.match(/共(\d+)份/)![1]);
    expect(count).toBeGreaterThanOrEqual(families.length);
    expect(await officer.locator("#state").inputValue()).toBe("submitted");
    await officer.selectOption("#grade", "1");
    await officer.waitForURL("**/staff/applications/?state=submitted&grade=1");
    for (const family of families) {
      await officer.goto(`${baseUrl}/staff/applications/`);
      await officer.locator("#queue-body tr").first().waitFor();
      await officer.click(`text=${family.reference}`);
      await officer.locator("#detail-state").waitFor();
      expect(await officer.locator("#detail-answers").textContent()).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
      await officer.check("#field-decision");
      await officer.click("#decision-form button[type=submit]");
      await officer.locator("#detail-state", { hasText: "符合条件" }).waitFor();
    }
    const supervisor = await browser.page(1024);
    await firstSignIn(supervisor, demoAccount("招生主管"), "招生主管的新密码也足够长");
    await supervisor.goto(`${baseUrl}/staff/applications/allocation/`);
    await supervisor.locator("#run-form").waitFor({ state: "visible" });
    // Today the window is open: the console says so, and a freeze is refused in the error summary.
    await supervisor.locator("#phase-list", { hasText: "正在受理申请" }).waitFor();
    await supervisor.selectOption("#freeze-grade", "1");
    await supervisor.click("#freeze-form button[type=submit]");
    await supervisor.locator("#freeze-form .error-summary").waitFor();
    expect(await supervisor.locator("#freeze-form .error-summary").textContent()).toContain("申请期内不能正式抽签");
    // A dry run gets a test seed and cannot be published.
    await supervisor.selectOption("#run-grade", "1");
    await supervisor.click("#run-form button[type=submit]");
    await supervisor.locator("#run-summary", { hasText: "TEST-" }).waitFor();
    expect(await supervisor.locator("#publish-form").isHidden()).toBe(true);
    expect(await axeViolations(supervisor)).toEqual([]);

    // The results page works without JavaScript and lists the dry run on the draw log.
    const first = await browser.page(320);
    const context = await first.context().browser()!.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 }, locale: "zh-CN" });
    const p = await context.newPage();
    await p.goto(`${baseUrl}/enrol/results/`);
    expect(await p.locator("main").textContent()).toContain("小学一年级：正在受理申请");
    await p.goto(`${baseUrl}/enrol/draw-log/`);
    expect(await p.locator("main").textContent()).toContain("试运行（测试种子，不能发布）");
    await context.close();
  }, 300_000);
});
