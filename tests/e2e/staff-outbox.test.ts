/**
 * The outbox console page in Chromium: a demo complaint-intake officer signs in, sees the
 * development-transport banner and the (empty) message list, at 320 px without horizontal
 * scrolling, and axe finds nothing.
 */
import { describe, expect, it } from "vitest";
import { demoAccount, firstSignIn } from "./demo-staff";
import { axeViolations, baseUrl, noBrowser, useBrowser } from "./page";

describe.skipIf(noBrowser)("the outbox page in Chromium", () => {
  const browser = useBrowser();

  it("shows a complaint-intake officer the log-transport banner and the message list, accessibly", async () => {
    const intake = demoAccount("投诉受理");
    const page = await browser.page(320);
    await firstSignIn(page, intake, "投诉受理员的新密码要足够长");

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
