/**
 * The case page's reply templates (content/reply-templates.yaml, issue 19 item 3): the file
 * is valid, every category has its own template before the common ones, and a broken file is
 * refused with its line and field.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseReplyTemplates, REPLY_TEMPLATES_FILE } from "../../../src/content-data/reply-templates";
import { COMPLAINT_CATEGORIES } from "../../../src/domain/complaint/categories";
import { templatesFor } from "../../../src/domain/complaint/reply-templates";

const committed = readFileSync(REPLY_TEMPLATES_FILE, "utf8");

describe("the reply templates", () => {
  it("gives every category its own templates first, then the common ones, each with a [方括号] to fill", () => {
    const templates = parseReplyTemplates(committed);
    for (const category of COMPLAINT_CATEGORIES) {
      const list = templatesFor(templates, category);
      expect(list.slice(0, templates.categories[category].length)).toEqual(templates.categories[category]);
      expect(list.slice(-templates.common.length)).toEqual(templates.common);
      expect(list.every((t) => /\[[^\]]+\]/.test(t.text))).toBe(true);
    }
  });

  it("refuses a category without a template, naming the line and field", () => {
    const broken = committed.replace(/ {2}fees:\n {4}- title: [^\n]+\n {6}text: [^\n]+\n/, "  fees: []\n");
    expect(broken).not.toBe(committed);
    expect(() => parseReplyTemplates(broken)).toThrow(/categories\.fees[\s\S]*至少要有一个模板|至少要有一个模板[\s\S]*categories\.fees/);
  });

  it("refuses an unknown category and a template without text", () => {
    expect(() => parseReplyTemplates(`${committed}\n  homework: []\n`)).toThrow(/homework/);
    expect(() => parseReplyTemplates(committed.replace(/(other:\n {4}- title: 一般答复\n) {6}text: [^\n]+\n/, "$1"))).toThrow(/text/);
  });
});
