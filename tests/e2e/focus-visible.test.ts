/**
 * Issue 18 item 8: the keyboard focus is visible on every control. On the pages with the most
 * controls (the complaint form with its date field, the application form, search, the staff
 * sign-in, the home page's menu at 360 px), Tab walks every stop, the calendar button inside
 * a date field included, and each focused element must draw an outline or a focus shadow.
 */
import { describe, expect, it } from "vitest";
import { baseUrl, noBrowser, useBrowser } from "./page";

const PAGES: { path: string; width: number }[] = [
  { path: "/complain/", width: 1024 },
  { path: "/enrol/apply/", width: 1024 },
  { path: "/search/", width: 1024 },
  { path: "/staff/sign-in/", width: 1024 },
  { path: "/", width: 360 },
];
const MAX_STOPS = 200;

describe.skipIf(noBrowser)("visible focus", () => {
  const browser = useBrowser();

  for (const { path, width } of PAGES) {
    it(`every Tab stop on ${path} at ${width} px shows where the focus is`, async () => {
      const page = await browser.page(width);
      await page.goto(`${baseUrl}${path}`);
      const invisible: string[] = [];
      let stops = 0;
      for (; stops < MAX_STOPS; stops++) {
        await page.keyboard.press("Tab");
        const state = await page.evaluate(() => {
          const e = document.activeElement as HTMLElement | null;
          if (!e || e === document.body) return null;
          const cs = getComputedStyle(e);
          const shown = (cs.outlineStyle !== "none" && cs.outlineWidth !== "0px") || cs.boxShadow !== "none";
          return { what: `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""} ${(e.textContent ?? "").trim().slice(0, 12)}`, shown };
        });
        if (state === null) break; // back to the document: every stop visited
        if (!state.shown) invisible.push(state.what);
      }
      expect(stops).toBeGreaterThan(2);
      expect(invisible).toEqual([]);
    }, 120_000);
  }
});
