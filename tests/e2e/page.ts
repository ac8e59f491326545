/** One browser per test file, with a fresh page per test and axe-core (WCAG 2.2 AA) on demand. */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { launchChromium } from "../../support/browser";

export const baseUrl = inject("baseUrl");
export const browserPath = inject("browserPath");
export const noBrowser = browserPath === "";

export function useBrowser(): { page(width?: number): Promise<Page> } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!noBrowser) browser = await launchChromium(browserPath);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async page(width = 1024) {
      if (!browser) throw new Error("no browser");
      const context = await browser.newContext({ viewport: { width, height: 800 }, locale: "zh-CN" });
      return context.newPage();
    },
  };
}

export async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
