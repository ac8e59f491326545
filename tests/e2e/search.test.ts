/**
 * Search on the built site with the real Pagefind index in Chromium: Chinese terms find the
 * right clause, only content pages are indexed, the page type filter works, the search
 * page's CSP lets Pagefind's WebAssembly run (and no other page gets that), and without
 * JavaScript the page still offers the site map.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PAGE_SECURITY_HEADERS, SEARCH_PAGE_SECURITY_HEADERS } from "../../functions/middleware/security-headers";
import { axeViolations, baseUrl, noBrowser, useBrowser } from "./page";

async function search(page: Page, query: string): Promise<string[]> {
  await page.goto(`${baseUrl}/search/?${query}`);
  await page.locator("#search-status").filter({ hasText: /找到|没有找到|无法使用/ }).waitFor();
  return page.$$eval("#search-results a", (links) => links.map((a) => a.getAttribute("href") ?? ""));
}

describe.skipIf(noBrowser)("site search", () => {
  const browser = useBrowser();

  it("finds clause 4.2 for 流动人口", async () => {
    const page = await browser.page();
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    const links = await search(page, `q=${encodeURIComponent("流动人口")}`);
    expect(links).toContain("/policy/4/#clause-4-2");
    expect(problems).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("finds clause 2.3 for 多媒体", async () => {
    const page = await browser.page();
    expect(await search(page, `q=${encodeURIComponent("多媒体")}`)).toContain("/policy/2/#clause-2-3");
  });

  it("narrows results to one page type", async () => {
    const page = await browser.page();
    const links = await search(page, `q=${encodeURIComponent("多媒体")}&type=${encodeURIComponent("政策原文")}`);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !l.startsWith("/policy/"))).toEqual([]);
  });

  it("indexes content only: the footer, the privacy notice and the filtered views are not in the index", async () => {
    const page = await browser.page();
    // 邮编 is printed in the footer of every page and nowhere in the content. Pagefind also
    // matches parts of words, so results may come back, but none may quote the footer.
    await search(page, `q=${encodeURIComponent("邮编")}`);
    const excerpts = await page.$$eval(".search-excerpt", (ps) => ps.map((p) => p.textContent ?? ""));
    expect(excerpts.filter((e) => e.includes("邮编"))).toEqual([]);
    const links = await search(page, `q=${encodeURIComponent("个人信息")}`);
    expect(links.filter((l) => /^\/(privacy|search|sitemap|commitments\/(status|department|clause))\//.test(l))).toEqual([]);
  });

  it("sends the wasm permission to the search page only", async () => {
    const search = await fetch(`${baseUrl}/search/`);
    expect(search.headers.get("Content-Security-Policy")).toBe(SEARCH_PAGE_SECURITY_HEADERS["Content-Security-Policy"]);
    for (const path of ["/", "/policy/4/", "/pagefind/pagefind.js", "/pagefind/pagefind-worker.js"]) {
      const res = await fetch(`${baseUrl}${path}`);
      expect(res.headers.get("Content-Security-Policy"), path).toBe(PAGE_SECURITY_HEADERS["Content-Security-Policy"]);
    }
  });

  it("without JavaScript, still submits the form and points to the site map", async () => {
    const context = await (await browser.page()).context().browser()!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/search/`);
    await page.fill("#search-q", "流动人口");
    await Promise.all([page.waitForURL(/q=/), page.click("button[type=submit]")]);
    expect(new URL(page.url()).searchParams.get("q")).toBe("流动人口");
    await page.click("text=网站地图");
    await expect(page.locator("h1").textContent()).resolves.toBe("网站地图");
    expect(await page.locator('a[href="/policy/4/"]').count()).toBeGreaterThan(0);
    await context.close();
  });
});
