import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ContentError, formatProblem } from "../../../src/content-data/content-error";
import { parsePolicy } from "../../../src/content-data/policy";
import { splitParagraphs } from "../../../src/domain/policy/chapter";
import { clauseHref, clauseLabel } from "../../../src/domain/policy/clause";
import { redactText, type PolicyFill } from "../../../src/domain/policy/fill";

const DIR = "content/policy";
const files = Object.fromEntries(readdirSync(DIR).map((n) => [n, readFileSync(`${DIR}/${n}`, "utf8")]));
const fill: PolicyFill = parse(readFileSync("content/site.yaml", "utf8")).policy.fill;

function problemsOf(changed: Record<string, string>): string[] {
  try {
    parsePolicy({ ...files, ...changed }, fill);
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("expected the policy files to be rejected");
}

const body = (text: string) => text.replace(/^---[\s\S]*?---\n/, "");

describe("the policy files", () => {
  it("are the source text exactly, except where the source redacts with *", () => {
    const seed = readFileSync("tests/fixtures/policy-seed.txt", "utf8").split("\n").filter((l) => l.trim() !== "");
    const meta = parse(files["policy.yaml"] ?? "");
    const chapters = [1, 2, 3, 4, 5].flatMap((n) => splitParagraphs(body(files[`${n}.md`] ?? "")));
    // The source page's breadcrumb and its title (printed twice) are web-page chrome.
    expect(seed.slice(0, 3)).toEqual(["首页 > 文章中心 > 正文", meta.title, meta.title]);
    expect([meta.addressee, ...chapters.map(redactText)]).toEqual(seed.slice(3));
  });

  it("give every clause its id from the chapter and the marker, with its title", () => {
    const policy = parsePolicy(files, fill);
    expect(policy.chapters.map((c) => c.clauses.map((x) => x.id))).toEqual([[], ["2.1", "2.2", "2.3"], ["3.1", "3.2", "3.3", "3.4"], ["4.1", "4.2", "4.3"], ["5.1", "5.2", "5.3", "5.4"]]);
    const ch5 = policy.chapters[4];
    expect(ch5?.clauses[2]?.title).toBe("规范学校办学行为");
    expect(ch5?.clauses[2]?.paragraphs).toHaveLength(2);
    // 5.1 runs on through each department's duties until (二).
    expect(ch5?.clauses[0]?.paragraphs.some((p) => p.startsWith("区财政局:"))).toBe(true);
    expect(policy.chapters[2]?.intro[0]).toMatch(/^教师是教育事业发展的关键/);
  });

  it("fill the redactions from site.yaml and nothing else", () => {
    const policy = parsePolicy(files, fill);
    const text = policy.chapters.flatMap((c) => [...c.intro, ...c.clauses.flatMap((x) => x.paragraphs)]).join("\n");
    expect(text).not.toMatch(/\*|\{\{/);
    expect(text).toContain(`从${fill.years.funding}年起`);
    expect(text).toContain(`《${fill.city}市区居住证》`);
    expect(text).toContain(`衢委发[${fill.years.household_doc}]15号`);
    expect(text).toContain(`根据${fill.district}实际`);
  });

  it("link a clause id to its anchor on its chapter page, and name it as the policy does", () => {
    expect(clauseHref("4.2")).toBe("/policy/4/#clause-4-2");
    expect(clauseLabel("5.3")).toBe("五（三）");
  });
});

describe("policy content errors name the file, the line and the field", () => {
  it("reports a chapter heading that does not match the chapter number", () => {
    const broken = (files["2.md"] ?? "").replace("二、实行政府统筹", "三、实行政府统筹");
    expect(problemsOf({ "2.md": broken })).toEqual(["content/policy/2.md:7 正文：正文第一段应是本章标题，以“二、”开头"]);
  });

  it("reports clause markers out of order on their line", () => {
    const broken = (files["4.md"] ?? "").replace("(二)切实保障", "(三)切实保障");
    const line = broken.split("\n").findIndex((l) => l.startsWith("(三)切实保障")) + 1;
    expect(problemsOf({ "4.md": broken })).toContain(`content/policy/4.md:${line} 正文：条款序号应为（二），这里是（三）`);
  });

  it("reports an unknown placeholder", () => {
    const broken = (files["1.md"] ?? "").replace("{{district}}", "{{distrct}}");
    const line = broken.split("\n").findIndex((l) => l.includes("{{distrct}}")) + 1;
    expect(problemsOf({ "1.md": broken })).toEqual([`content/policy/1.md:${line} 正文：不认识占位符 {{distrct}}，可用的见src/domain/policy/fill.ts`]);
  });

  it("reports a front-matter field by its line", () => {
    const broken = (files["3.md"] ?? "").replace(/^summary: .*$/m, "summary: 太短");
    expect(problemsOf({ "3.md": broken })).toEqual(["content/policy/3.md:4 summary：请用一段通俗的话（至少20个字）概括这一章"]);
  });

  it("reports a chapter number that does not match the file name", () => {
    const broken = (files["3.md"] ?? "").replace("chapter: 3", "chapter: 4");
    expect(problemsOf({ "3.md": broken })).toContain("content/policy/3.md:2 chapter：章号4与文件名不一致，文件应命名为4.md");
  });
});
