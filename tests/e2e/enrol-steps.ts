/**
 * Filling the application form one question group per page (issue 16 item 6), shared by the
 * enrolment e2e files: the same steps with and without JavaScript, since both show the same
 * group pages (src/forms/enrolment/form-steps).
 */
import type { Page } from "playwright-core";
import { fakeIdNumber } from "../fixtures/enrolment";
import { axeViolations, baseUrl } from "./page";

/** A 320 px phone with JavaScript off (its own context), and a scripted page beside it for axe. */
export async function noJsPhone(browser: { page(width?: number): Promise<Page> }, height = 800) {
  const first = await browser.page(320);
  const chromium = first.context().browser()!;
  await first.context().close();
  const context = await chromium.newContext({ javaScriptEnabled: false, viewport: { width: 320, height }, locale: "zh-CN" });
  return { context, page: await context.newPage(), checker: await browser.page(320) };
}

/**
 * axe needs JavaScript in the page, which a no-JS context has not: the page it sees
 * (including answers to POSTs, which cannot be fetched again) is copied into a JavaScript
 * page of the same origin, so its stylesheets load, and checked there.
 */
export async function axeOfNoJsPage(noJs: Page, checker: Page) {
  const html = await noJs.content();
  await checker.goto(`${baseUrl}/enrol/`);
  await checker.setContent(html, { waitUntil: "load" });
  return axeViolations(checker);
}

/** 继续 on a group page, then waits for the group that should follow (the form is one group per page: issue 16 item 6). */
export async function next(page: Page, expected: string) {
  await page.click('#application-form button[value="next"]');
  await page.locator(`#application-form[data-step="${expected}"]`).waitFor();
}

/** The groups up to the child's ID number, so a test can type a wrong one and see its error. */
export async function fillToChild(page: Page, childName: string) {
  const birth = "2020-03-15";
  await page.check("#field-grade");
  await next(page, "child");
  await page.fill("#field-child-name", childName);
  await page.check("#field-child-sex");
  await page.fill("#field-child-birthDate", birth);
  await page.fill("#field-child-hukouPlace", "江西省上饶市玉山县");
}

export const childId = (serial: number) => fakeIdNumber("2020-03-15", "male", serial, "330802");

/** The groups after the child's, ending on the last group (special needs) answered. */
export async function fillFromGuardians(page: Page, serial: number, phone = "13700001111") {
  await next(page, "guardians");
  await page.fill("#field-guardians-0-name", "测试家长");
  await page.selectOption("#field-guardians-0-relationship", "father");
  await page.fill("#field-guardians-0-idNumber", fakeIdNumber("1988-07-01", "male", serial, "361123"));
  await page.fill("#field-guardians-0-phone", phone);
}

export async function fillFromPermit(page: Page, serial: number) {
  await next(page, "permit");
  await page.fill("#field-permit-number", `JL33080220250${serial}`);
  await page.fill("#field-permit-issuedOn", "2024-01-10");
  await page.fill("#field-permit-expiresOn", "2029-01-09");
  await page.check("#field-permit-holder");
  await next(page, "address");
  await page.selectOption("#field-address-area", "qingxi");
  await page.selectOption("#field-address-community", "wenchang");
  await page.fill("#field-address-detail", "文昌路 8 号 2 幢 301 室");
  await next(page, "work");
  await page.check("#field-work-kind");
  await page.fill("#field-work-employer", "江澜市某快递公司");
  await page.fill("#field-work-socialInsuranceMonths", "24");
  await next(page, "preferences");
  await page.selectOption("#field-preferences-0", "wenchang-xiaoxue-primary");
  await page.selectOption("#field-preferences-1", "dier-shiyan-xiaoxue-primary");
  await next(page, "specialNeeds");
  await page.check("#field-specialNeeds-has");
}

