/**
 * Issue 22 item 4: the complaint receipt in Chromium at 320 px with JavaScript on. The page
 * is rendered by the app into the page shell, whose bundled script (no inline script: the
 * CSP allows same-origin files only) wires the copy and save-as-image buttons shared with
 * the enrolment receipt. The code's groups each sit on one line, the page does not scroll
 * sideways, copy puts the reference and code on the clipboard, save downloads a PNG named by
 * the reference, and the code is in no URL. The form's script posts and puts the receipt in place,
 * so it wires the buttons too.
 */
import { describe, expect, it } from "vitest";
import { baseUrl, noBrowser, useBrowser } from "./page";

describe.skipIf(noBrowser)("the complaint receipt on a 320 px phone", () => {
  const browser = useBrowser();

  it("keeps each group of the code whole and wires copy and save-as-image", { timeout: 120_000 }, async () => {
    const page = await browser.page(320);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    const blocked: string[] = [];
    page.on("console", (m) => m.type() === "error" && blocked.push(m.text()));
    page.on("pageerror", (e) => blocked.push(String(e)));
    page.on("requestfailed", (r) => blocked.push(`${r.url()} ${r.failure()?.errorText}`));
    await page.goto(`${baseUrl}/complain/`);
    await page.check("#field-category-fees");
    await page.selectOption("#field-school", { label: "清溪区实验小学" });
    await page.fill("#field-whatHappened", "开学时班主任要求每人交300元资料费，没有收据。");
    await page.fill("#field-happenedOn", "2026-01-05");
    await page.check("#field-contactMode");
    await page.click("#complaint-form button[type=submit]");
    await page.locator("#receipt-code").waitFor();

    const groups = await page.locator("#receipt-code .code-group").evaluateAll((els) => els.map((e) => ({ text: e.textContent!, rects: e.getClientRects().length })));
    expect(groups.length).toBeGreaterThanOrEqual(3);
    expect(groups.every((g) => g.rects === 1)).toBe(true);
    const code = groups.map((g) => g.text).join("");
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
    const reference = (await page.locator(".receipt dd strong").textContent())!;
    expect(page.url()).not.toContain(code.slice(0, 4));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    // The buttons are shown by the shell's script, and they work.
    await page.waitForLoadState("load");
    const state = await page.evaluate(() => {
      const box = document.querySelector<HTMLElement>("[data-code-actions]")!;
      const button = box.querySelector("button")!;
      return { hidden: box.hidden, wired: box.dataset.wired ?? "", display: getComputedStyle(box).display, rect: button.getBoundingClientRect().width, scripts: [...document.scripts].map((s) => s.src) };
    });
    expect({ blocked, ...state }).toMatchObject({ blocked: [], hidden: false, wired: "1" });
    await page.locator("[data-copy-code]").click();
    await expect.poll(() => page.locator("[data-code-status]").textContent()).toBe("已复制受理编号和查询码。");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`受理编号：${reference}\n查询码：${code}`);
    const download = page.waitForEvent("download");
    await page.locator("[data-save-code]").click();
    expect((await download).suggestedFilename()).toBe(`教育投诉回执-${reference}.png`);
    expect(blocked.filter((t) => /Content Security Policy/.test(t))).toEqual([]);
    await page.context().close();
  });
});
