import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { citationProblems, fillCitations, type PublishedTargets } from "../../../src/domain/balance/cited-figures";
import { evaluateTargets } from "../../../src/domain/balance/targets";

const years: PublishedTargets[] = [
  { year: 2025, targets: [
    { id: "multimedia", kind: "share", value: 91.1, basis: "2.3" },
    { id: "multimedia_sections", kind: "share", value: 62.3, basis: "2.3", info: true },
    { id: "rural_funding", kind: "count", value: 0, basis: "2.1" },
  ] },
];

describe("figures a commitment cites", () => {
  it("fills a citation with the published value", () => {
    expect(fillCitations("全区 {{target:multimedia:2025}} 的班级实现多媒体进教室。", years)).toBe("全区 91.1% 的班级实现多媒体进教室。");
    expect(citationProblems({ note: "全区 {{target:multimedia:2025}} 的班级" }, "2.3", years)).toEqual([]);
  });

  it("refuses a citation of an unknown target or a year without data", () => {
    expect(citationProblems({ note: "{{target:multimedia:2030}}" }, "2.3", years)[0]).toContain("没有2030年的均衡数据");
    expect(citationProblems({ note: "{{target:nonsense:2025}}" }, "2.3", years)[0]).toContain("没有名为nonsense的计算指标");
  });

  it("refuses a hand-typed percentage where the data has the figure, or citing a balance page", () => {
    expect(citationProblems({ note: "全区 83% 的班级实现多媒体进教室。" }, "2.3", years)[0]).toContain("{{target:multimedia:2025}}");
    expect(citationProblems({ note: "共 83 % 完成。", evidence: "/schools/" }, "5.1", years)).toHaveLength(1);
    // A clause with no computed share (spending growth under 2.1) may state its own figure.
    expect(citationProblems({ note: "上半年教育支出同比增长 4.2%。" }, "2.1", years)).toEqual([]);
  });
});

describe("the multimedia target is a share of classes", () => {
  const base = { schoolId: "x", section: "primary" as const, locationType: "urban" as const, specialEducation: false, nineYear: false, campusGroup: null };
  const row = (classes: number, rooms: number) => ({
    school_id: "x", section: "primary" as const, students: classes * 30, classes, teachers: 10, qualified_teachers: 5, key_teachers: 1, pe_art_teachers: 1,
    senior_title_teachers: 1, teaching_area: 1000, sports_area: 1000, equipment_value: 1, multimedia_classrooms: rooms, computers: 1, library_books: 1,
    largest_class: 30, public_funding_per_student: 1000,
  });
  const district = { year: 2025, provincial_minimum_funding: { primary: 650, junior: 850 }, migrant_children: { eligible: 1, in_public_places: 1 }, disabled_children: { school_age: 1, enrolled: 1 }, teacher_rotation: { eligible: 1, rotated: 1, key_rotated: 1 }, campus_group_subsidies: [] };
  const byId = (rows: ReturnType<typeof row>[]) => Object.fromEntries(evaluateTargets(rows.map((r, i) => ({ ...base, schoolId: `s${i}`, inputs: r })), district).map((t) => [t.id, t]));

  it("caps each section at all of its classes, so the district never exceeds 100%", () => {
    // 10 classes with 20 rooms count as 10; 10 classes with 5 rooms as 5: 15 of 20 classes.
    const t = byId([row(10, 20), row(10, 5)]);
    expect(t.multimedia).toMatchObject({ value: 0.75, met: false });
    // One of the two sections is at ≥ 80%: information only, no mark.
    expect(t.multimedia_sections).toMatchObject({ value: 0.5, met: null, info: true });
  });

  it("meets the target at exactly 80% of classes and not below", () => {
    expect(byId([row(10, 8)]).multimedia).toMatchObject({ value: 0.8, met: true });
    expect(byId([row(10, 7), row(10, 8)]).multimedia).toMatchObject({ value: 0.75, met: false });
  });
});

describe("npm run data:check", () => {
  it("fails on a hand-typed commitment figure, naming the file and the field", () => {
    const root = mkdtempSync(path.join(tmpdir(), "cited-"));
    try {
      cpSync("content", path.join(root, "content"), { recursive: true });
      const file = path.join(root, "content/departments/jiaoyu-ju.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("全区{{target:multimedia:2025}}的班级", "全区83%的班级"));
      const run = spawnSync(process.execPath, ["node_modules/.bin/tsx", "src/content-data/data-check.ts"], { env: { ...process.env, CONTENT_ROOT: root }, encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/content\/departments\/jiaoyu-ju\.yaml:\d+ commitments\.1\.history\.2\.note：手工填写的百分比/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
