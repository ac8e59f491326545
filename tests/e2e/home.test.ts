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
