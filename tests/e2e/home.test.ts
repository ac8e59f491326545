import { mkdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PAGE_SECURITY_HEADERS } from "../../functions/middleware/security-headers";
import { axeViolations, baseUrl, noBrowser, useBrowser } from "./page";

describe.skipIf(noBrowser)("the home page in Chromium", () => {
  const browser = useBrowser();

  it("shows the portal's Chinese heading with the district's name", async () => {
    const page = await browser.page();
    const response = await page.goto(baseUrl);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    await expect(page.locator("h1").textContent()).resolves.toBe("清溪区义务教育均衡发展公开平台");
    await expect(page.locator("footer").textContent()).resolves.toContain("清溪区教育局");
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/home.png", fullPage: true });
  });

  it("serves its stylesheet with the security headers and long caching", async () => {
    const page = await browser.page();
    const cssResponse = page.waitForResponse((r) => r.url().endsWith(".css"));
    await page.goto(baseUrl);
    const css = await cssResponse;
    expect(css.status()).toBe(200);
    const headers = await css.allHeaders();
    for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) expect(headers[name.toLowerCase()], name).toBe(value);
    expect(headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("loads no script and breaks no CSP rule", async () => {
    const page = await browser.page();
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    const scripts: string[] = [];
    page.on("request", (r) => r.resourceType() === "script" && scripts.push(r.url()));
    await page.goto(baseUrl);
    expect(await page.locator("script").count()).toBe(0);
    expect(scripts).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("lets a keyboard user skip to the main content first", async () => {
    const page = await browser.page();
    await page.goto(baseUrl);
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("跳到正文");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");
  });

  it("fits a 320 px screen without horizontal scrolling", async () => {
    const page = await browser.page(320);
    await page.goto(baseUrl);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("shows both services with their status on the first 360 × 740 phone screen, under a compact header", async () => {
    const page = await browser.page(360);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(baseUrl);
    const header = await page.locator("header").boundingBox();
    expect(header!.y + header!.height).toBeLessThanOrEqual(130);
    for (const href of ["/enrol/", "/complain/"]) {
      const card = await page.locator(`[data-service="${href}"]`).boundingBox();
      expect(card!.y + card!.height, href).toBeLessThanOrEqual(740);
    }
    await expect(page.locator('[data-service="/enrol/"] .service-status').textContent()).resolves.toMatch(/^\d{4}年秋季入学申请：.+/);
    await expect(page.locator(".home-as-of").textContent()).resolves.toMatch(/^以上状态截至\d{4}年\d{1,2}月\d{1,2}日（北京时间）/);
  });

  it("keeps 入学申请 and 投诉 in one navigation row at 360 px and folds the rest into a menu that works without JavaScript", async () => {
    const context = await (await browser.page(360)).context().browser()!.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/policy/`);
    const nav = page.getByRole("navigation", { name: "主导航" });
    // One row: the items' vertical middles agree (the menu button is taller than a link).
    const middles = await nav.locator("a:visible, summary:visible").evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => r.top + r.height / 2));
    expect(middles).toHaveLength(3);
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(4);
    await expect(nav.locator("a:visible").allTextContents()).resolves.toEqual(["入学申请", "投诉"]);
    await nav.locator("summary").click();
    await expect(nav.getByRole("link", { name: "政策原文" }).getAttribute("aria-current")).resolves.toBe("page");
    await nav.getByRole("link", { name: "学校评估" }).click();
    await page.waitForURL(/\/schools\/$/);
    await context.close();
  });

  it("puts every navigation link in one row at 1024 px, the services first", async () => {
    const page = await browser.page(1280);
    await page.goto(baseUrl);
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.locator("a:visible").allTextContents()).resolves.toEqual(["入学申请", "投诉", "政策原文", "部门职责", "承诺落实", "学校评估", "区域均衡", "开放数据", "搜索"]);
    const tops = await nav.locator("a:visible").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
  });

  it("has no axe violations on the home and 404 pages", async () => {
    const page = await browser.page();
    await page.goto(baseUrl);
    expect(await axeViolations(page)).toEqual([]);
    const missing = await page.goto(`${baseUrl}/no-such-page`);
    expect(missing?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("找不到页面");
    expect(await axeViolations(page)).toEqual([]);
  });
});
