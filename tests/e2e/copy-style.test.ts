/**
 * Issue 18 item 6: the mechanical rules of docs/style.md over the built site's visible text
 * (tags, <head>, scripts, styles and <code> dropped): no ISO dates (except the example of
 * what to type in a date field, 例如2026-09-01), no "UTC", no optional marker other than
 * （选填）, no space between a Han character and an inline value (digit, Latin letter, %) or
 * another Han character (except inside a 《》 title, quoted as published).
 * Every rule is checked on every public page, scorecards, balance, methodology and open
 * data included; the pages the app renders at request time are checked by
 * tests/api/copy-style-rendered.test.ts with the same rules.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findings, RULES, visibleText } from "../fixtures/copy-rules";
import { builtPages } from "./built-site";

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
    expect(hits("学段 for a school or its part", "<p>本学段预留学位5个。</p><th>学校（学段）</th>")).toBe(2);
    expect(hits("学段 for a school or its part", "<p>本校小学部预留学位5个。</p><p>《义务教育学段课程方案》</p>")).toBe(0);
  });
});
