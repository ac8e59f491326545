/**
 * The clerk's morning (issue 19's end-to-end test) in Chromium on the real Node entry: an
 * intake clerk signs in to the console home, follows the overdue count to the queue it
 * counts (the same number there), then the new-cases count, narrowed by a search to the two
 * cases this test filed through the public API; opens the first, accepts it (no decision
 * preselected) and assigns it; the finance bureau's liaison inserts the category's reply
 * template and saves a draft answer; the clerk approves it (the permission matrix gives
 * drafting to the department and approval to intake: complaints.answer, complaints.triage);
 * and back on the case page, `j` opens the next case of the same filtered queue, filters kept.
 * Fresh accounts of their own (the demo accounts' one-time walks belong to other files).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signInNewAccount } from "./demo-staff";
import { baseUrl, noBrowser, useBrowser } from "./page";

const countLink = (page: Page, filter: string) => page.locator(`#queue-counts a[href*="${filter}"]`);
const countOf = async (page: Page, filter: string) => Number((await countLink(page, filter).textContent())!.match(/：(\d+)件/)![1]);
const queueTotal = async (page: Page) => {
  await page.waitForFunction(() => /共\d+件|没有符合条件/.test(document.querySelector("#queue-status")?.textContent ?? ""));
  const m = (await page.locator("#queue-status").textContent())!.match(/共(\d+)件/);
  return m ? Number(m[1]) : 0;
};

describe.skipIf(noBrowser)("the clerk's morning in Chromium", () => {
  const browser = useBrowser();

  it("goes from the dashboard's counts to a filtered queue, works a case to an approved answer with a second role, and opens the next case of the same queue", async () => {
    const clerk = await browser.page(1366);
    // Two new cases with a word of their own, filed through the public API from the site's origin.
    const word = `晨检${Date.now()}`;
    await clerk.goto(`${baseUrl}/complain/`);
    const references: string[] = [];
    for (const i of [1, 2]) {
      const filed = await clerk.evaluate(
        async ({ word, i }) => {
          const body = { category: "fees", school: "shiyan-xiaoxue", whatHappened: `${word}：学校第${i}次收取资料费，没有收据。`, happenedOn: "2026-08-30", contactMode: "anonymous" };
          const res = await fetch("/api/complaints", { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json", Accept: "application/json" } });
          return { status: res.status, body: (await res.json()) as { complaint?: { reference: string } } };
        },
        { word, i },
      );
      expect(filed.status).toBe(201);
      references.push(filed.body.complaint!.reference);
    }

    await signInNewAccount(clerk, "complaint_intake", "晨间受理员的新密码足够长");
    // The dashboard: the overdue count leads to exactly that many cases, filtered by due date.
    await clerk.locator("#dashboard:not([hidden])").waitFor();
    const overdue = await countOf(clerk, "due=overdue");
    await countLink(clerk, "due=overdue").click();
    await clerk.waitForURL("**/staff/complaints/?due=overdue");
    // The island fills the form from the address once the signed-in check has answered.
    await clerk.waitForFunction(() => document.querySelector<HTMLSelectElement>("#due")?.value === "overdue", undefined, { timeout: 10_000 });
    expect(await queueTotal(clerk)).toBe(overdue);

    // The new cases, narrowed by the search; the filter stays in the address.
    await clerk.goBack();
    await clerk.locator("#dashboard:not([hidden])").waitFor();
    expect(await countOf(clerk, "status=submitted")).toBeGreaterThanOrEqual(2);
    await countLink(clerk, "status=submitted").click();
    await clerk.waitForURL("**/staff/complaints/?status=submitted");
    await queueTotal(clerk);
    await clerk.fill("#q", word);
    await clerk.press("#q", "Enter");
    await clerk.waitForURL((url) => url.searchParams.get("q") === word && url.searchParams.get("status") === "submitted");
    // The filter form reloads the table in place: wait for this search's own total.
    await clerk.locator("#queue-status:text('共2件')").waitFor();
    const rows = clerk.locator("#queue-section tbody tr a[href*='/case/']");
    const queued = await rows.allTextContents();
    expect([...queued].sort()).toEqual([...references].sort());

    // The first case: no decision preselected; accept it and give it to the finance bureau.
    await rows.first().click();
    await clerk.waitForURL("**/staff/complaints/case/?*");
    const caseUrl = clerk.url();
    expect(new URL(caseUrl).searchParams.get("q")).toBe(word);
    await clerk.locator("#decide-form:not([hidden])").waitFor();
    await clerk.locator("#case-next:not([hidden])").waitFor();
    expect(await clerk.locator("#decision").inputValue()).toBe("");
    await clerk.selectOption("#decision", "accept");
    await clerk.click("#decide-form button[type=submit]");
    await clerk.locator("#case-status:text('已保存受理决定。')").waitFor();
    await clerk.selectOption("#department", "caizheng-ju");
    await clerk.click("#assign-form button[type=submit]");
    await clerk.locator("#case-status:text('已分派。')").waitFor();

    // The second role: the finance bureau's liaison inserts a reply template and saves a draft.
    const liaison = await browser.page(1366);
    await signInNewAccount(liaison, "department_liaison", "晨间财政局联络员的新密码够长", "caizheng-ju");
    await liaison.goto(caseUrl);
    await liaison.locator("#draft-form:not([hidden])").waitFor();
    const template = liaison.locator("#reply-template option[data-category]:not([hidden])").first();
    const [value, templateText] = [(await template.getAttribute("value"))!, (await template.getAttribute("data-text"))!];
    await liaison.selectOption("#reply-template", value);
    await liaison.click("#insert-template");
    expect(await liaison.locator("#answer").inputValue()).toContain(templateText);
    await liaison.selectOption("#outcome", "substantiated");
    await liaison.click("#draft-form button[type=submit]");
    await liaison.locator("#case-status:text('答复稿已提交')").waitFor();

    // The clerk approves the draft (another tab of the same session), which sends the answer.
    const approving = await clerk.context().newPage();
    await approving.goto(caseUrl);
    await approving.locator("#approve-form:not([hidden])").waitFor();
    expect(await approving.locator("#draft-text").textContent()).toContain(templateText);
    await approving.click("#approve-form button[type=submit]");
    await approving.locator("#case-status:text('答复已批准并发送。')").waitFor();
    await approving.locator("#answer-block:not([hidden])").waitFor();
    await approving.close();

    // Back on the case: `j` opens the next case of the same filtered queue.
    await clerk.bringToFront();
    await clerk.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await clerk.keyboard.press("j");
    await clerk.waitForURL((url) => url.href !== caseUrl && url.pathname === "/staff/complaints/case/");
    const next = new URL(clerk.url()).searchParams;
    expect(next.get("status")).toBe("submitted");
    expect(next.get("q")).toBe(word);
    await clerk.locator("#case-section:not([hidden])").waitFor();
    expect(await clerk.locator("#case-title").textContent()).toBe(`投诉${queued[1]}`);
    expect(await clerk.locator("#decision").inputValue()).toBe("");
  });
});
