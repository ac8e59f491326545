/**
 * Tables and text stay readable on a phone (issue 18 item 1): every sitemap page in Chromium
 * at 320 px and at 640 px (200% zoom on a 1280 px screen) fails on a table cell narrower than
 * its shortest word (never less than 3 em for a cell with text, so a column squeezed to one
 * character a line is caught), on any visible text under 12 px (SVG text measured as drawn,
 * after its viewBox scaling), on a table that scrolls without a visible cue above it and on
 * a page that scrolls sideways. NARROW_PAGES pages: all on CI, a spread sample of 28 locally
 * (the table-heavy pages first, then one of each kind, then more in sitemap order), so a
 * local run stays near a minute.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../support/browser";
import { sitemapPaths } from "./built-site";
import { baseUrl, browserPath, noBrowser } from "./page";

const WIDTHS = [320, 640] as const;
const all = sitemapPaths();
const wanted = process.env.NARROW_PAGES ?? (process.env.CI ? "all" : "28");

/** A spread sample: the pages with the widest tables, then one page of each other kind, then the rest in sitemap order. */
export function samplePaths(paths: string[], count: number): string[] {
  const first = ["/data/", "/balance/", "/methodology/", "/schools/", "/commitments/"].filter((p) => paths.includes(p));
  // A page's kind: its first segment, and the second when a third follows (/schools/township/x/).
  const kindOf = (p: string) => {
    const seg = p.split("/").filter(Boolean);
    return seg.length <= 1 ? seg.join("/") : seg.length === 2 ? `${seg[0]}/*` : `${seg[0]}/${seg[1]}/*`;
  };
  const seen = new Set(first.map(kindOf));
  const spread = paths.filter((p) => !first.includes(p) && !seen.has(kindOf(p)) && seen.add(kindOf(p)));
  const rest = paths.filter((p) => !first.includes(p) && !spread.includes(p));
  return [...first, ...spread, ...rest].slice(0, count);
}

const paths = wanted === "all" ? all : samplePaths(all, Number(wanted));

type Problem = { kind: "squeezed" | "small" | "no scroll cue"; where: string; detail: string };

/** Runs in the page: every squeezed table cell and every visible text under 12 px. */
function findProblems(): Problem[] {
  const problems: Problem[] = [];
  const label = (el: Element) => `${el.tagName.toLowerCase()} “${(el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40)}”`;
  const canvas = document.createElement("canvas").getContext("2d")!;
  const visible = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && !el.closest(".visually-hidden, .visually-hidden-field, [hidden]");

  for (const cell of document.querySelectorAll("td, th")) {
    if (!visible(cell)) continue;
    const text = (cell.textContent ?? "").trim();
    if (!text) continue;
    const style = getComputedStyle(cell);
    const fontSize = parseFloat(style.fontSize);
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    // Words are what a line may not break inside: runs between spaces and CJK punctuation.
    const words = text.split(/[\s，、；：。（）()\/]+/).filter(Boolean);
    const shortest = Math.min(...words.map((w) => canvas.measureText(w).width));
    const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const needed = Math.min(shortest, 3 * fontSize);
    if (inner + 1 < needed) problems.push({ kind: "squeezed", where: label(cell), detail: `${inner.toFixed(0)} px wide, needs ${needed.toFixed(0)} px` });
  }

  // A table wider than its region scrolls inside it; the line just above must say so.
  for (const table of document.querySelectorAll("table")) {
    const region = table.parentElement!;
    if (!visible(table) || !/auto|scroll/.test(getComputedStyle(region).overflowX) || region.scrollWidth <= region.clientWidth + 1) continue;
    const cue = region.previousElementSibling;
    if (!cue || !cue.classList.contains("table-scroll-hint") || !visible(cue)) problems.push({ kind: "no scroll cue", where: label(table.querySelector("caption") ?? table), detail: `${region.scrollWidth} px in ${region.clientWidth} px` });
  }

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const reported = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || reported.has(el) || !(node.textContent ?? "").trim()) continue;
    if (el.closest("script, style, noscript, title, option") || !visible(el)) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest("svg");
    if (svg) size *= svg.getScreenCTM()?.a ?? 1;
    if (size < 11.95) {
      reported.add(el);
      problems.push({ kind: "small", where: label(el), detail: `${size.toFixed(1)} px` });
    }
  }
  return problems;
}

/** Prerendered pages that only refresh to the page the app renders (as in every-page.test.ts). */
const REFRESHES_TO: Record<string, string> = { "/complaints/stats/": "/api/complaints/stats.html" };

describe.skipIf(noBrowser)(`tables and text on narrow screens (${paths.length} of ${all.length} sitemap pages)`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(browserPath);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("checks every page when asked and a spread of kinds by default", () => {
    expect(samplePaths(["/", "/a/", "/a/1/", "/a/2/", "/data/", "/b/", "/b/c/1/", "/b/c/2/"], 6)).toEqual(["/data/", "/", "/a/", "/a/1/", "/b/", "/b/c/1/"]);
    expect(paths.length).toBeGreaterThan(0);
  });

  it("finds a squeezed column and small text (the check can fail)", async () => {
    const page = await (await browser.newContext({ viewport: { width: 320, height: 640 } })).newPage();
    try {
      await page.setContent(
        `<body style="overflow-wrap:anywhere"><table><tr><td>学校名称很长的一列</td><td>城区</td><td>123456789</td><td>达到标准的比例</td><td>说明文字很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长</td></tr></table><div style="overflow-x:auto"><table><caption>宽表</caption><tr><td style="white-space:nowrap">一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十</td></tr></table></div><p style="font-size:10px">小字</p><svg viewBox="0 0 640 40" width="320"><text y="20" font-size="13">图表文字</text></svg></body>`,
      );
      const found = await page.evaluate(findProblems);
      expect(found.filter((p) => p.kind === "squeezed").length).toBeGreaterThan(0);
      expect(found.filter((p) => p.kind === "no scroll cue").map((p) => p.where)).toEqual(["caption “宽表”"]);
      expect(found.filter((p) => p.kind === "small").map((p) => p.where)).toEqual(["p “小字”", "text “图表文字”"]);
    } finally {
      await page.close();
    }
  });

  for (const width of WIDTHS) {
    it.concurrent.for(paths)(`%s at ${width} px`, { timeout: 60_000 }, async (urlPath, { expect }) => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, locale: "zh-CN" });
      const page = await context.newPage();
      try {
        // A page that refreshes to the app's rendering (complaint statistics) is measured there.
        const response = await page.goto(`${baseUrl}${REFRESHES_TO[urlPath] ?? urlPath}`);
        expect(response?.status()).toBe(200);
        // Closed <details> hide their tables; open them so their cells are measured too.
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
        const problems = await page.evaluate(findProblems);
        expect(problems.map((p) => `${p.kind}: ${p.where} (${p.detail})`)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
