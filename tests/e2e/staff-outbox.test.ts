/**
 * The outbox console page in Chromium: a demo complaint-intake officer signs in, sees the
 * development-transport banner and the message list, at 320 px without horizontal scrolling,
 * and axe finds nothing; a failed message has a 重新发送 button that queues it again.
 */
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { demoAccount, firstSignIn } from "./demo-staff";
import { axeViolations, noBrowser, useBrowser } from "./page";

/** A message the provider gave up on, written straight into the server's database. */
async function insertFailedMessage(): Promise<string> {
  const id = crypto.randomUUID();
  const client = createClient({ url: inject("databaseUrl") });
  try {
    await client.execute({
      sql: "insert into outbox_messages (id, channel, recipient_sealed, recipient_masked, subject, body, about_kind, about_id, status, attempts, last_error, created_at) values (?, 'sms', 'k1.not-openable', '139****0000', '投诉已受理', '您的投诉已受理。', 'complaint', 'c-e2e', 'failed', 5, 'TypeError', ?)",
      args: [id, new Date().toISOString()],
    });
  } finally {
    client.close();
  }
  return id;
}

describe.skipIf(noBrowser)("the outbox page in Chromium", () => {
  const browser = useBrowser();

  it("shows a complaint-intake officer the log-transport banner and the message list, accessibly, and resends a failed message", async () => {
    await insertFailedMessage();
    const intake = demoAccount("投诉受理");
    const page = await browser.page(320);
    await firstSignIn(page, intake, "投诉受理员的新密码要足够长");

    await page.locator('a[href="/staff/outbox/"]').first().click();
    await page.waitForURL("**/staff/outbox/");
    await page.locator("#outbox-dev-banner").waitFor({ state: "visible" });
    expect(await page.locator("#outbox-dev-banner").textContent()).toContain("开发环境：消息未真正发出");
    await page.locator("#outbox-count:not(:empty)").waitFor();
    expect(await page.locator("#outbox-count").textContent()).toMatch(/共显示/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    const row = page.locator("#outbox-body tr", { hasText: "c-e2e" });
    expect(await row.textContent()).toContain("发送失败");
    await row.getByRole("button", { name: "重新发送" }).click();
    await page.locator("#outbox-count", { hasText: "已重新排队" }).waitFor();
    expect(await row.textContent()).toContain("待发送");
    expect(await row.getByRole("button", { name: "重新发送" }).count()).toBe(0);
  });
});
