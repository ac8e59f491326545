/**
 * 上一件/下一件 stay right after an action (issue 19), in Chromium on the real Node entry. Four
 * new cases with a word of their own make a filtered queue (`status=submitted&q=…`) q1..q4.
 * The clerk opens q2 from the queue; meanwhile q3 is accepted elsewhere; the clerk accepts
 * q2, so both leave the queue. The links are asked for again after the action, from q2's
 * place when it was opened (kept in the address as `at`, so a reload keeps it): 下一件 is q4,
 * 上一件 q1, and `j` opens q4, whose 上一件 is q1.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signInNewAccount } from "./demo-staff";
import { baseUrl, noBrowser, useBrowser } from "./page";

const idOf = (href: string | null) => new URLSearchParams((href ?? "").split("?")[1] ?? "").get("id");
const linkTarget = (page: Page, selector: string) => page.locator(selector).evaluate((a) => (a.hasAttribute("hidden") ? null : a.getAttribute("href")));

describe.skipIf(noBrowser)("the case page's neighbours in Chromium", () => {
  const browser = useBrowser();

  it("keeps 下一件 the case that followed after the case leaves the queue, across a reload and `j`", async () => {
    const clerk = await browser.page(1366);
    const word = `邻件${Date.now()}`;
    await clerk.goto(`${baseUrl}/complain/`);
    for (const i of [1, 2, 3, 4]) {
      const status = await clerk.evaluate(
        async ({ word, i }) => {
          const body = { category: "fees", school: "shiyan-xiaoxue", whatHappened: `${word}：学校第${i}次收取资料费，没有收据。`, happenedOn: "2026-08-30", contactMode: "anonymous" };
          return (await fetch("/api/complaints", { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json", Accept: "application/json" } })).status;
        },
        { word, i },
      );
      expect(status).toBe(201);
    }
    await signInNewAccount(clerk, "complaint_intake", "邻件测试受理员的新密码足够长");
    await clerk.goto(`${baseUrl}/staff/complaints/?${new URLSearchParams({ status: "submitted", q: word })}`);
    await clerk.locator("#queue-status:text('共4件')").waitFor();
    const rows = clerk.locator("#queue-section tbody tr a[href*='/case/']");
    const queue = (await rows.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).map(idOf);
    expect(queue).toHaveLength(4);
    const [q1, q2, q3, q4] = queue as [string, string, string, string];

    // q2, opened from the queue: its neighbours are q1 and q3, and its place is in the address.
    await rows.nth(1).click();
    await clerk.waitForURL((url) => url.searchParams.get("id") === q2 && url.searchParams.has("at"));
    await clerk.locator("#case-next:not([hidden])").waitFor();
    expect(idOf(await linkTarget(clerk, "#case-next"))).toBe(q3);
    expect(idOf(await linkTarget(clerk, "#case-previous"))).toBe(q1);

    // Someone else accepts q3; the clerk accepts q2. Both leave the queue.
    const other = await clerk.evaluate(async (id) => (await fetch(`/api/staff/complaints/${id}/decide`, { method: "POST", body: JSON.stringify({ decision: "accept" }), headers: { "Content-Type": "application/json" } })).status, q3);
    expect(other).toBe(200);
    await clerk.locator("#decide-form:not([hidden])").waitFor();
    await clerk.selectOption("#decision", "accept");
    await clerk.click("#decide-form button[type=submit]");
    await clerk.locator("#case-status:text('已保存受理决定。')").waitFor();
    // Asked for again after the action: 下一件 is q4, the case after q2's old place still in the queue.
    await clerk.waitForFunction((id) => document.querySelector<HTMLAnchorElement>("#case-next")?.getAttribute("href")?.includes(id), q4);
    expect(idOf(await linkTarget(clerk, "#case-previous"))).toBe(q1);
    // The links keep the queue's filters and not q2's place.
    const nextHref = new URLSearchParams((await linkTarget(clerk, "#case-next"))!.split("?")[1]);
    expect([nextHref.get("status"), nextHref.get("q"), nextHref.has("at")]).toEqual(["submitted", word, false]);

    // A reload keeps q2's place (it is in the address): still q1 and q4.
    await clerk.reload();
    await clerk.locator("#case-next:not([hidden])").waitFor();
    expect(idOf(await linkTarget(clerk, "#case-next"))).toBe(q4);
    expect(idOf(await linkTarget(clerk, "#case-previous"))).toBe(q1);

    // `j` opens q4; its 上一件 is q1 (q2 and q3 have left), and it has no 下一件.
    await clerk.locator("#case-section:not([hidden])").waitFor();
    await clerk.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await clerk.keyboard.press("j");
    await clerk.waitForURL((url) => url.searchParams.get("id") === q4);
    await clerk.locator("#case-previous:not([hidden])").waitFor();
    expect(idOf(await linkTarget(clerk, "#case-previous"))).toBe(q1);
    expect(await linkTarget(clerk, "#case-next")).toBeNull();
  });
});
