import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ContentError, formatProblem } from "../../../src/content-data/content-error";
import { parseDepartments } from "../../../src/content-data/departments";
import { parsePolicy } from "../../../src/content-data/policy";

const read = (dir: string) => Object.fromEntries(readdirSync(dir).map((n) => [n, readFileSync(`${dir}/${n}`, "utf8")]));
const policy = parsePolicy(read("content/policy"), parse(readFileSync("content/site.yaml", "utf8")).policy.fill);
const files = read("content/departments");

function problemsOf(name: string, edit: (text: string) => string): string[] {
  try {
    parseDepartments({ ...files, [name]: edit(files[name] ?? "") }, policy);
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("expected the department files to be rejected");
}

const lineOf = (name: string, needle: string) => (files[name] ?? "").split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("the department files", () => {
  it("describe every body clause 5.1 names, and the leading group, in the policy's order", () => {
    const departments = parseDepartments(files, policy);
    expect(departments.map((d) => d.short_name)).toEqual(["领导小组", "教育局", "发改局", "建设局", "财政局", "人劳局（编委办）", "国土分局", "规划分局", "乡镇人民政府"]);
    expect(departments.every((d) => d.duties.some((duty) => duty.clause === "5.1"))).toBe(true);
  });

  it("seed the commitments of DOMAIN.md §1 with their clauses", () => {
    const clauses = parseDepartments(files, policy).flatMap((d) => d.commitments.map((c) => c.clause));
    for (const clause of ["2.1", "2.2", "2.3", "3.2", "3.3", "4.2", "4.3", "5.1", "5.3", "5.4"]) expect(clauses).toContain(clause);
  });
});

describe("department content errors name the file, the line and the field", () => {
  it("rejects a duty that is not quoted verbatim from its clause", () => {
    const problems = problemsOf("caizheng-ju.yaml", (t) => t.replace("拔付到位", "拨付到位"));
    expect(problems).toEqual([`content/departments/caizheng-ju.yaml:${lineOf("caizheng-ju.yaml", "拔付到位")} duties.0.quote：引文与政策第5.1条原文不一致，请逐字引用`]);
  });

  it("rejects a clause the policy does not have", () => {
    const problems = problemsOf("fagai-ju.yaml", (t) => t.replace('clause: "5.1"\n    supporting', 'clause: "6.1"\n    supporting'));
    expect(problems).toEqual([`content/departments/fagai-ju.yaml:${lineOf("fagai-ju.yaml", "    clause:")} commitments.0.clause：政策中没有第6.1条`]);
  });

  it("rejects a supporting body that has no file", () => {
    const problems = problemsOf("renlao-ju.yaml", (t) => t.replace("supporting: [jiaoyu-ju]", "supporting: [jiaoyuju]"));
    expect(problems).toEqual([`content/departments/renlao-ju.yaml:${lineOf("renlao-ju.yaml", "supporting:")} commitments.0.supporting.0：没有名为jiaoyuju的部门文件（content/departments/jiaoyuju.yaml）`]);
  });

  it("rejects a status outside the vocabulary, in Chinese", () => {
    const problems = problemsOf("guotu-fenju.yaml", (t) => t.replace("status: in-progress", "status: ongoing"));
    expect(problems).toEqual([`content/departments/guotu-fenju.yaml:${lineOf("guotu-fenju.yaml", "status:")} commitments.0.status：状态只能是not-started、in-progress、done、delayed或adjusted`]);
  });

  it("rejects a delayed commitment without an explanation", () => {
    const problems = problemsOf("xiangzhen.yaml", (t) => t.replace(/^    explanation: .*\n/m, ""));
    // A missing field is reported on the line of the commitment that lacks it.
    expect(problems).toEqual(["content/departments/xiangzhen.yaml:11 commitments.0.explanation：状态为滞后或调整时，请说明原因"]);
  });

  it("rejects an in-progress commitment with no figure to show", () => {
    const problems = problemsOf("renlao-ju.yaml", (t) => t.replace(/    history:\n.*\n/, ""));
    expect(problems).toEqual(["content/departments/renlao-ju.yaml:13 commitments.0.progress：这个状态没有默认进度，请填写progress或至少一条进展记录"]);
  });

  it("rejects a commitment id used twice", () => {
    const problems = problemsOf("guihua-fenju.yaml", (t) => t.replace("id: school-layout-plan", "id: school-land-reserve"));
    expect(problems.some((p) => p.includes("commitments.0.id：编号school-land-reserve已在content/departments/"))).toBe(true);
  });
});
