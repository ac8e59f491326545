import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBalanceYear } from "../../../src/content-data/balance";
import { ContentError, formatProblem } from "../../../src/content-data/content-error";
import { parseDistrict } from "../../../src/content-data/district";
import { SECTION_YEAR_COLUMNS, SectionYearRow } from "../../../src/domain/balance/inputs";

const district = parseDistrict(readFileSync("content/site.yaml", "utf8"), readFileSync("content/schools/schools.csv", "utf8"));
const csv = readFileSync("content/schools/2024.csv", "utf8");
const yaml = readFileSync("content/district/2024.yaml", "utf8");

function problemsOf(csvText: string, yamlText: string | null = yaml): string[] {
  try {
    parseBalanceYear(district, 2024, csvText, yamlText);
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("expected the files to be rejected");
}
/** Sets one cell of the n-th line (1-based, header is line 1). */
function editCell(n: number, column: string, value: string): string {
  const lines = csv.split("\n");
  const header = lines[0]!.split(",");
  const cells = lines[n - 1]!.split(",");
  cells[header.indexOf(column)] = value;
  lines[n - 1] = cells.join(",");
  return lines.join("\n");
}

describe("yearly balance files: errors name file, line, column and rule", () => {
  it("accepts the committed demo year", () => {
    expect(parseBalanceYear(district, 2024, csv, yaml).sections).toHaveLength(61);
  });

  it("rejects students that are not a positive whole number", () => {
    expect(problemsOf(editCell(12, "students", "0"))).toEqual(["content/schools/2024.csv:12 students：必须是正整数"]);
    expect(problemsOf(editCell(12, "students", "12.5"))).toEqual(["content/schools/2024.csv:12 students：必须是正整数"]);
  });

  it("rejects an empty or negative count and a word where a number belongs", () => {
    expect(problemsOf(editCell(5, "computers", ""))).toEqual(["content/schools/2024.csv:5 computers：不能为空，没有请填0"]);
    expect(problemsOf(editCell(5, "computers", "-3"))).toEqual(["content/schools/2024.csv:5 computers：不能是负数"]);
    expect(problemsOf(editCell(5, "sports_area", "许多"))).toEqual(["content/schools/2024.csv:5 sports_area：必须是数字"]);
  });

  it("rejects more key teachers than teachers", () => {
    expect(problemsOf(editCell(7, "key_teachers", "9999"))).toEqual(["content/schools/2024.csv:7 key_teachers：不能多于专任教师数teachers"]);
  });

  it("rejects a school the registry does not know, and a section the school does not have", () => {
    expect(problemsOf(editCell(3, "school_id", "atlantis"))).toContain("content/schools/2024.csv:3 school_id：学校名册中没有id为 “atlantis” 的学校");
    expect(problemsOf(editCell(2, "section", "junior"))).toContain("content/schools/2024.csv:2 section：“清溪区实验小学” 没有初中");
  });

  it("rejects a missing section row", () => {
    const lines = csv.split("\n");
    const without = [lines[0], ...lines.slice(2)].join("\n");
    expect(problemsOf(without)).toEqual(["content/schools/2024.csv school_id：缺少 “清溪区实验小学”小学（shiyan-xiaoxue, primary）这一行"]);
  });

  it("rejects a district file whose year does not match its name, on the right line", () => {
    const broken = yaml.replace("year: 2024", "year: 2023");
    const line = broken.split("\n").findIndex((l) => l.startsWith("year:")) + 1;
    expect(problemsOf(csv, broken)).toEqual([`content/district/2024.yaml:${line} year：应为2024，与文件名一致`]);
  });

  it("rejects more migrant children in public places than are eligible", () => {
    const broken = yaml.replace(/in_public_places: \d+/, "in_public_places: 99999");
    const line = broken.split("\n").findIndex((l) => l.includes("in_public_places")) + 1;
    expect(problemsOf(csv, broken)).toEqual([`content/district/2024.yaml:${line} migrant_children.in_public_places：in_public_places不能多于eligible`]);
  });

  it("reports a missing district file", () => {
    expect(problemsOf(csv, null)).toEqual(["content/district/2024.yaml （文件）：缺少2024学年的区级数据文件"]);
  });

  it("documents every column of the yearly file, in order", () => {
    expect(SECTION_YEAR_COLUMNS.map((c) => c.name)).toEqual(Object.keys(SectionYearRow.shape));
  });

  it("publishes each yearly column with the type its cell accepts", () => {
    for (const c of SECTION_YEAR_COLUMNS) {
      if (c.type === "string") continue;
      expect(c.cell.safeParse("12").success, c.name).toBe(true);
      expect(c.cell.safeParse("1.5").success, c.name).toBe(c.type === "number");
    }
  });
});
