/**
 * The policy as published. Reads the seed (the source text) and proves every paragraph of it
 * appears, in order, on the built full-text page, with a `*` redaction matching only the
 * names and years configured in content/site.yaml. Also checks every clause anchor exists on
 * its chapter page, and that printing the full text drops navigation and keeps clause ids
 * and the page address.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { readBuilt, textOf } from "./built-site";
import { baseUrl, noBrowser, useBrowser } from "./page";

/** The source text exactly as received (a copy of the workspace's seeds/000_2152d4ddf59c4546.txt). */
const SEED = "tests/fixtures/policy-seed.txt";

/** The seed's paragraphs without the source web page's chrome: its breadcrumb and the title it repeats. */
function seedParagraphs(text: string): string[] {
  const paragraphs = text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter((p) => p !== "");
  return paragraphs.filter((p, i) => !p.startsWith("首页 >") && p !== paragraphs[i - 1]);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the published policy text", () => {
  const site = parse(readFileSync("content/site.yaml", "utf8"));
  const fill = site.policy.fill;
  const names = [fill.district, fill.city].map(escape).join("|");
  const years = Object.values(fill.years as Record<string, number>).join("|");

  /** A seed paragraph as a pattern: literal text, `20*` one of the configured years, `*` one of the configured names. */
  const patternOf = (p: string) =>
    new RegExp(`^${p.split(/(20\*|\*)/).map((part) => (part === "20*" ? `(?:${years})` : part === "*" ? `(?:${names})` : escape(part))).join("")}$`);

  it("contains every paragraph of the source, in order, filled only where the source redacts", () => {
    const seed = seedParagraphs(readFileSync(SEED, "utf8"));
    expect(seed).toHaveLength(30);
    const html = readBuilt("/policy/full/");
    const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
    const blocks = [...main.matchAll(/<(h1|h2|h3|p)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => textOf(m[2] ?? ""));
    let at = 0;
    for (const paragraph of seed) {
      const pattern = patternOf(paragraph);
      const found = blocks.findIndex((b, i) => i >= at && pattern.test(b));
      expect(found, `missing or out of order: ${paragraph.slice(0, 30)}…`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it("gives every clause a stable anchor on its chapter page", () => {
    const expected = { 2: 3, 3: 4, 4: 3, 5: 4 } as const;
    for (const [chapter, count] of Object.entries(expected)) {
      const html = readBuilt(`/policy/${chapter}/`);
      for (let n = 1; n <= count; n++) expect(html, `${chapter}.${n}`).toContain(`id="clause-${chapter}-${n}"`);
      expect(html).not.toContain(`id="clause-${chapter}-${count + 1}"`);
    }
  });
});

describe.skipIf(noBrowser)("the printable full text", () => {
  const browser = useBrowser();

  it("prints without navigation or footer, with clause ids and the page address", async () => {
    const page = await browser.page();
    await page.goto(`${baseUrl}/policy/full/`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-nav").isVisible()).toBe(false);
    expect(await page.locator(".site-footer").isVisible()).toBe(false);
    expect(await page.locator(".skip-link").isVisible()).toBe(false);
    expect(await page.locator("#clause-4-2 .clause-id").textContent()).toBe("4.2");
    expect(await page.locator("#clause-4-2 .clause-id").isVisible()).toBe(true);
    await expect(page.locator(".print-only").textContent()).resolves.toMatch(/本文网址：https?:\/\/\S+\/policy\/full\/$/);
    expect(await page.locator(".print-only").isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
    expect(await page.locator(".print-only").isVisible()).toBe(false);
  });
});
