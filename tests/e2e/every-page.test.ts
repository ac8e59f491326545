/**
 * Every page of the sitemap in Chromium at 320 px: it answers 200, is not noindex, has one
 * h1 and headings in order, does not scroll sideways, loads no script unless it is the
 * search page, and axe-core (WCAG 2.2 AA) finds nothing. One browser and one context for
 * the whole file and one tab per URL, a few tabs at a time (axe's analysis is the slow
 * part, ~1-3 s a page), so the run grows linearly with the sitemap.
 */
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../support/browser";
import { sitemapPaths } from "./built-site";
import { axeViolations, baseUrl, browserPath, noBrowser } from "./page";

const paths = sitemapPaths();

describe("the sitemap", () => {
  it("lists the public pages and leaves out the staff console, the 404 page and noindex pages", () => {
    for (const p of ["/", "/policy/", "/policy/4/", "/policy/full/", "/departments/", "/departments/jiaoyu-ju/", "/commitments/", "/search/", "/privacy/", "/accessibility/"]) {
      expect(paths).toContain(p);
    }
    expect(paths.filter((p) => p.startsWith("/staff/") || p.startsWith("/api/") || p.includes("404"))).toEqual([]);
  });
});

/**
 * Search runs Pagefind; compare builds its table from the JSON download; /enrol/ fills in the current phase; the results
 * verifier re-runs the published file; "我家孩子能上哪所学校" shows the community asked for on top (without a script it
 * lists every township, folded). No other page has a script (complaint statistics and results are rendered by the API).
 */
const PAGES_WITH_A_SCRIPT = ["/search/", "/schools/compare/", "/enrol/", "/enrol/results/verify/", "/enrol/where/"];
const REFRESHES_TO: Record<string, string> = { "/complaints/stats/": "/api/complaints/stats.html" };

describe.skipIf(noBrowser)("every page of the sitemap in Chromium", () => {
  let context: BrowserContext;
  beforeAll(async () => {
    const browser = await launchChromium(browserPath);
    context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: "zh-CN" });
  });
  afterAll(async () => {
    await context?.browser()?.close();
  });

  it.concurrent.for(paths)("%s is accessible and fits 320 px", { timeout: 120_000 }, async (urlPath, { expect }) => {
    const page = await context.newPage();
    try {
      const response = await page.goto(`${baseUrl}${urlPath}`);
      expect(response?.status()).toBe(200);
      // A page whose figures the API renders sends the browser on; the checks below are for where it lands.
      if (REFRESHES_TO[urlPath]) await page.waitForURL(`${baseUrl}${REFRESHES_TO[urlPath]}`);
      expect(await page.locator('meta[name="robots"][content*="noindex"]').count()).toBe(0);
      const levels = await page.$$eval("h1, h2, h3, h4, h5, h6", (hs) => hs.map((h) => Number(h.tagName[1])));
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      const skips = levels.filter((level, i) => i > 0 && level > (levels[i - 1] ?? 1) + 1);
      expect(skips, `heading levels ${levels.join(",")}`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // Data blocks (the search page's synonym list) are not scripts.
      const scripts = await page.locator('script:not([type="application/json"])').count();
      expect(scripts).toBe(PAGES_WITH_A_SCRIPT.includes(urlPath) ? 1 : 0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
