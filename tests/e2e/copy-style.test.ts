/**
 * Issue 18 item 6: the mechanical rules of docs/style.md over the built site's visible text
 * (tags, <head>, scripts, styles and <code> dropped): no ISO dates (except the example of
 * what to type in a date field, 例如2026-09-01), no "UTC", no optional marker other than
 * （选填）, no space between a Han character and an inline value (digit, Latin letter, %) or
 * another Han character (except inside a 《》 title, quoted as published).
 * The rules are checked on every public page; the space rule skips the pages whose
 * templates other issue-18 branches are rewriting at the same time (SPACE_RULE_PENDING),
 * to be removed from the list as they merge.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtPages } from "./built-site";

/** Visible text, one NUL between elements so matches never join two elements' text. */
export function visibleText(html: string): string {
  return html
    .replace(/<head[\s\S]*?<\/head>/, "")
    .replace(/<(script|style|code|pre|template)\b[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, "\u0000")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&");
}

const RULES: Record<string, RegExp> = {
  "ISO date": /(?<!例如\s*)\b\d{4}-\d{2}-\d{2}\b/g,
  UTC: /\bUTC\b/g,
  "optional marker other than （选填）": /[（(](?:可选|如有|非必填)[）)]|\((?:可选|选填)\)/g,
  // Han–value, value–Han and Han–Han ("2026年12月10日 前"); a title in 《》 is quoted as published.
  "space between Chinese text and an inline value": /(?<!《[^》]*)(?:\p{Script=Han}[ \u00a0]+[0-9A-Za-z%\p{Script=Han}]|[0-9A-Za-z%][ \u00a0]+\p{Script=Han})/gu,
};

/**
 * Pages whose templates other issue-18 helpers are rewriting now (tables: scorecards,
 * balance, methodology and open data, which print the balance domain's texts; family and
 * complaints: the form steps; openapi and draw: statistics and results). The space rule
 * runs on every other page; the other rules run everywhere.
 */
const SPACE_RULE_PENDING = /^\/(schools|balance|methodology|data|enrol\/apply|enrol\/check|enrol\/results|enrol\/where|complaints\/stats)\/|^\/complain\/$/;

function findings(rule: string, re: RegExp, pages: { urlPath: string; text: string }[]): string[] {
  const seen = new Set<string>();
  for (const { urlPath, text } of pages) {
    if (rule.startsWith("space") && SPACE_RULE_PENDING.test(urlPath)) continue;
    for (const m of text.matchAll(re)) {
      const at = m.index ?? 0;
      seen.add(`${urlPath}: …${text.slice(Math.max(0, at - 12), at + m[0].length + 12).replace(/\u0000/g, "|")}…`);
    }
  }
  return [...seen].slice(0, 40);
}

describe("copy rules (docs/style.md) on the built site", () => {
  const pages = builtPages()
    .filter((p) => !p.urlPath.startsWith("/staff/"))
    .map((p) => ({ urlPath: p.urlPath, text: visibleText(readFileSync(p.file, "utf8")) }));

  it("reads the public pages", () => {
    expect(pages.length).toBeGreaterThan(100);
  });

  for (const [rule, re] of Object.entries(RULES)) {
    it(`finds no ${rule}`, () => {
      expect(findings(rule, re, pages).join("\n")).toBe("");
    });
  }

  it("the rules catch what they must", () => {
    const hits = (rule: string, html: string) => findings(rule, RULES[rule]!, [{ urlPath: "/x/", text: visibleText(html) }]).length;
    expect(hits("ISO date", "<p>截至2026-11-15。</p>")).toBe(1);
    expect(hits("ISO date", '<p>截至<time datetime="2026-11-15">2026年11月15日</time>。</p><p>格式：例如 2026-09-01</p>')).toBe(0);
    expect(hits("UTC", "<th>时间（UTC）</th>")).toBe(1);
    expect(hits("optional marker other than （选填）", "<label>附件（可选）</label>")).toBe(1);
    expect(hits("optional marker other than （选填）", "<label>出生医学证明（申请一年级）（如有）</label>")).toBe(1);
    expect(hits("optional marker other than （选填）", "<label>附件（选填）</label>")).toBe(0);
    expect(hits("space between Chinese text and an inline value", "<p>预留 小学一年级 学位 124 个</p>")).toBeGreaterThan(0);
    expect(hits("space between Chinese text and an inline value", "<p>（2026年12月10日 前）</p><p>共<b>3</b>项</p><p>《信息技术 互联网内容》</p>")).toBe(1);
  });
});
