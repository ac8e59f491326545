import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CATEGORY_INFO, COMPLAINT_CATEGORIES, leadDepartmentOf } from "../../../src/domain/complaint/categories";
import { ClauseId } from "../../../src/domain/policy/clause";
import { DEPARTMENTS } from "../../../src/domain/staff/departments";

describe("complaint categories", () => {
  it("are at most twelve, end with 其他, and each has a hint, a clause and a lead department", () => {
    expect(COMPLAINT_CATEGORIES.length).toBeLessThanOrEqual(12);
    expect(CATEGORY_INFO[COMPLAINT_CATEGORIES.at(-1)!].label).toBe("其他");
    for (const c of COMPLAINT_CATEGORIES) {
      const info = CATEGORY_INFO[c];
      expect(info.hint.length, c).toBeGreaterThan(5);
      expect(info.clauses.length, c).toBeGreaterThan(0);
      for (const clause of info.clauses) expect(ClauseId.safeParse(clause).success, `${c} ${clause}`).toBe(true);
      expect(DEPARTMENTS, c).toContain(info.department);
    }
  });

  it("cite clauses that exist in the policy text", () => {
    const numerals = ["一", "二", "三", "四", "五"];
    for (const c of COMPLAINT_CATEGORIES) {
      for (const clause of CATEGORY_INFO[c].clauses) {
        const [chapter, n] = clause.split(".").map(Number);
        const text = readFileSync(`content/policy/${chapter}.md`, "utf8");
        expect(text, `${c} → ${clause}`).toContain(`(${numerals[n! - 1]})`);
      }
    }
  });

  it("route school-conduct cases to the education bureau, funds to finance and building to construction", () => {
    expect(leadDepartmentOf("admission-exam")).toBe("jiaoyu-ju");
    expect(leadDepartmentOf("curriculum")).toBe("jiaoyu-ju");
    expect(leadDepartmentOf("funds")).toBe("caizheng-ju");
    expect(leadDepartmentOf("building-land")).toBe("jianshe-ju");
    expect(CATEGORY_INFO.curriculum.clauses[0]).toBe("5.4");
    expect(CATEGORY_INFO["enrolment-refused"].clauses).toEqual(["4.2", "4.3"]);
  });

  it("flag only safety and bullying for the emergency hotline, which the site configures", () => {
    expect(COMPLAINT_CATEGORIES.filter((c) => CATEGORY_INFO[c].emergency)).toEqual(["safety"]);
    expect(parse(readFileSync("content/site.yaml", "utf8")).hotlines.emergency).toBeTruthy();
  });
});
