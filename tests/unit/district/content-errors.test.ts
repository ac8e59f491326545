import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ContentError, formatProblem } from "../../../src/content-data/content-error";
import { parseDistrict } from "../../../src/content-data/district";

const siteText = readFileSync("content/site.yaml", "utf8");
const schoolsText = readFileSync("content/schools/schools.csv", "utf8");

/** The problems a broken pair of files produces, as the build prints them. */
function problemsOf(site: string, schools: string): string[] {
  try {
    parseDistrict(site, schools);
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("expected the files to be rejected");
}

/** Replaces the n-th (1-based) data line of the CSV. */
function editCsvLine(n: number, edit: (line: string) => string): string {
  const lines = schoolsText.split("\n");
  lines[n - 1] = edit(lines[n - 1] ?? "");
  return lines.join("\n");
}

function lineOfYaml(text: string, needle: string): number {
  return text.split("\n").findIndex((l) => l.includes(needle)) + 1;
}

describe("content errors name the file, the line and the field", () => {
  it("reports a bad location type in the school registry by line and column", () => {
    const broken = editCsvLine(12, (l) => l.replace(/,(urban|town|rural),/, ",city,"));
    expect(problemsOf(siteText, broken)).toEqual(["content/schools/schools.csv:12 location_type：请填写urban、town或rural"]);
  });

  it("reads each school's phone and names a malformed or missing one by line (issue 17 item 7)", () => {
    const malformed = editCsvLine(5, (l) => l.replace(/,[^,]*$/, ",88201234"));
    expect(problemsOf(siteText, malformed)).toEqual(["content/schools/schools.csv:5 phone：请填写学校电话，格式如0570-8800 1234"]);
    const missing = schoolsText.replace(",phone\n", "\n").replace(/,0570-[^,\n]*$/gm, "");
    expect(problemsOf(siteText, missing)).toContain("content/schools/schools.csv:1 phone：缺少这一列");
  });

  it("reports a missing column on the header line", () => {
    const broken = schoolsText.replace("campus_group,", "").replace(/^(.*?),(shiyan|chengnan|),(.*)$/gm, "$1,$3");
    expect(problemsOf(siteText, broken)).toContain("content/schools/schools.csv:1 campus_group：缺少这一列");
  });

  it("reports an unknown township on the school's line", () => {
    const broken = editCsvLine(3, (l) => l.replace(",qingxi,", ",atlantis,"));
    expect(problemsOf(siteText, broken)).toEqual([
      "content/schools/schools.csv:3 township：site.yaml中没有id为 “atlantis” 的乡镇或街道",
    ]);
  });

  it("reports a campus group with only one campus", () => {
    const broken = schoolsText.replace(/^shiyan-yunxi-xiaoqu,(.*?),shiyan,/m, "shiyan-yunxi-xiaoqu,$1,,");
    const problems = problemsOf(siteText, broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/schools\/schools\.csv:2 campus_group：“一校两区”组 “shiyan” 只有一所学校/);
  });

  it("reports a wrong field in site.yaml on its own line", () => {
    const broken = siteText.replace("postcode: \"324000\"", "postcode: \"32400\"");
    const line = lineOfYaml(broken, "postcode:");
    expect(problemsOf(broken, schoolsText)).toEqual([`content/site.yaml:${line} bureau.postcode：邮政编码是6位数字`]);
  });

  it("reports a catchment school that is not in the registry", () => {
    const broken = siteText.replace("primary: [", "primary: [no-such-school, ");
    const line = lineOfYaml(broken, "no-such-school");
    expect(problemsOf(broken, schoolsText)).toEqual([
      `content/site.yaml:${line} areas.0.communities.0.catchment.primary.0：学校名册中没有id为 “no-such-school” 的学校`,
    ]);
  });

  it("reports a catchment school without the section it is listed for", () => {
    const broken = siteText.replace(/junior: \[diyi-zhongxue\]/, "junior: [wenchang-xiaoxue]");
    const [problem] = problemsOf(broken, schoolsText);
    expect(problem).toMatch(/^content\/site\.yaml:\d+ areas\.0\.communities\.\d+\.catchment\.junior\.0：“文昌小学” 没有初中，/);
  });

  it("reports a YAML syntax error by line", () => {
    const broken = siteText.replace("district:\n  name: 清溪区", "district:\n  name: [清溪区");
    const [problem] = problemsOf(broken, schoolsText);
    expect(problem).toMatch(/^content\/site\.yaml:\d+ YAML语法：/);
  });

  it("reports problems in both files in one run", () => {
    const site = siteText.replace("kind: township", "kind: county");
    const schools = editCsvLine(2, (l) => l.replace(",no,no,", ",maybe,no,"));
    const problems = problemsOf(site, schools);
    expect(problems.some((p) => p.startsWith("content/site.yaml"))).toBe(true);
    expect(problems).toContain("content/schools/schools.csv:2 teaching_point：请填写yes或no");
  });
});
