/**
 * The staff console in Chromium, end to end on the real Node entry: a demo account printed
 * by the seed signs in, enrols TOTP (codes computed by `otpauth` from the secret the page
 * shows), reaches the home page, signs out, and the back button shows none of its data.
 */
import { TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { demoAccount, firstSignIn } from "./demo-staff";
import { axeViolations, baseUrl, noBrowser, useBrowser } from "./page";

describe.skipIf(noBrowser)("the staff console in Chromium", () => {
  const browser = useBrowser();

  it("signs in a demo admin with TOTP enrolment, shows the home page, and signs out for good", async () => {
    const admin = demoAccount("系统管理员");
    const page = await browser.page(360);
    const problems: string[] = [];
    // Script errors and CSP refusals; the 401 and 422 answers this walk provokes are expected.
    page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && problems.push(m.text()));

    const signInPage = await page.goto(`${baseUrl}/staff/sign-in/`);
    expect(signInPage?.headers()["cache-control"]).toBe("no-store");
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex, nofollow");
    expect(await axeViolations(page)).toEqual([]);

    // A wrong password first: the error summary takes focus and names the problem.
    await page.fill("#email", admin.email);
    await page.fill("#password", "not the password");
    await page.click("button[type=submit]");
    await page.locator(".error-summary").waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
    expect(await page.title()).toMatch(/^错误：/);

    await page.fill("#password", admin.password);
    await page.click("button[type=submit]");
    await page.waitForURL("**/staff/second-factor/");
    await page.locator("#enrol").waitFor();
    const shownSecret = (await page.locator("#secret").textContent())!.replaceAll(" ", "");
    expect(shownSecret).toBe(admin.secret);
    expect(await page.locator("#qr").getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    expect(await page.evaluate(() => (document.querySelector("#qr") as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    const code = new TOTP({ secret: shownSecret, digits: 6, period: 30 }).generate();
    await page.fill("#code", code);
    await page.click("#code-form button[type=submit]");

    // The one-time password must be replaced first; a common one is refused.
    await page.waitForURL("**/staff/password/");
    await page.fill("#currentPassword", admin.password);
    await page.fill("#newPassword", "password123");
    await page.click("#password-form button[type=submit]");
    await page.locator(".error-summary").waitFor();
    expect(await page.locator("#newPassword-error").textContent()).toContain("太常见");
    expect(await axeViolations(page)).toEqual([]);
    await page.fill("#newPassword", "清溪河边的老水车还在转");
    await page.click("#password-form button[type=submit]");
    await page.waitForURL(`${baseUrl}/staff/`);
    await page.locator("#home-body").waitFor();
    expect(await page.locator("h1").textContent()).toBe("工作台");
    expect(await page.locator("#home-body [data-user-name]").textContent()).toContain("演示系统管理员");
    expect(await page.locator("#actions").textContent()).toContain("邀请、停用、启用账户");
    expect(await page.locator('[data-requires="audit.read"]').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${baseUrl}/staff/users/`);
    await page.locator("#users-body tr").first().waitFor();
    expect(await page.locator("#users-body").textContent()).toContain(admin.email);
    expect(await axeViolations(page)).toEqual([]);

    await page.click("#sign-out");
    await page.waitForURL("**/staff/sign-in/");
    await page.goBack();
    await page.waitForURL("**/staff/sign-in/");
    const body = await page.locator("body").textContent();
    expect(body).not.toContain(admin.email);
    expect(body).not.toContain("演示系统管理员");
    expect(problems).toEqual([]);
  });
});

describe.skipIf(noBrowser)("the audit trail viewer in Chromium", () => {
  const browser = useBrowser();

  it("lets the demo auditor filter the trail and offers the same filter as CSV", async () => {
    const auditor = demoAccount("审计员");
    const page = await browser.page(320);
    await firstSignIn(page, auditor, "审计员的新密码要足够长");

    await page.goto(`${baseUrl}/staff/audit/`);
    await page.locator("#audit-body tr").first().waitFor();
    await page.fill("#actor", auditor.email);
    await page.fill("#action", "auth.sign_in");
    await page.click("#audit-filter button[type=submit]");
    await page.waitForURL(/action=auth\.sign_in/);
    await page.locator("#audit-body tr").first().waitFor();
    const rows = await page.locator("#audit-body tr").allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.includes(auditor.email) && r.includes("auth.sign_in"))).toBe(true);
    expect(await page.locator("#audit-export").getAttribute("href")).toContain("action=auth.sign_in");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
