/**
 * The outbox console page in Chromium: a demo complaint-intake officer signs in, sees the
 * development-transport banner and the (empty) message list, at 320 px without horizontal
 * scrolling, and axe finds nothing.
 */
import { TOTP } from "otpauth";
import { describe, expect, inject, it } from "vitest";
import { axeViolations, baseUrl, noBrowser, useBrowser } from "./page";

function demoAccount(roleLabel: string) {
  const line = inject("startupOutput")
    .split("\n")
    .find((l) => l.startsWith(`${roleLabel} | `));
  if (!line) throw new Error(`the demo seed printed no ${roleLabel} account`);
  const [, email, password, secret] = line.split(" | ").map((s) => s.trim());
  return { email: email!, password: password!, secret: secret! };
}

describe.skipIf(noBrowser)("the outbox page in Chromium", () => {
  const browser = useBrowser();

  it("shows a complaint-intake officer the log-transport banner and the message list, accessibly", async () => {
    const intake = demoAccount("投诉受理");
    const page = await browser.page(320);
    await page.goto(`${baseUrl}/staff/sign-in/`);
    await page.fill("#email", intake.email);
    await page.fill("#password", intake.password);
    await page.click("button[type=submit]");
    await page.locator("#enrol").waitFor();
    await page.fill("#code", new TOTP({ secret: intake.secret, digits: 6, period: 30 }).generate());
    await page.click("#code-form button[type=submit]");
    await page.waitForURL("**/staff/password/");
    await page.fill("#currentPassword", intake.password);
    await page.fill("#newPassword", "投诉受理员的新密码要足够长");
    await page.click("#password-form button[type=submit]");
    await page.waitForURL(`${baseUrl}/staff/`);

    await page.locator('a[href="/staff/outbox/"]').first().click();
    await page.waitForURL("**/staff/outbox/");
    await page.locator("#outbox-dev-banner").waitFor({ state: "visible" });
    expect(await page.locator("#outbox-dev-banner").textContent()).toContain("开发环境：消息未真正发出");
    await page.locator("#outbox-count:not(:empty)").waitFor();
    expect(await page.locator("#outbox-count").textContent()).toMatch(/还没有消息|共显示/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
