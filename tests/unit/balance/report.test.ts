import { describe, expect, it } from "vitest";
import { evaluateLevel, type LevelMember } from "../../../src/domain/balance/evaluate-level";
import { BASIC_INDICATORS, QUALITY_INDICATORS } from "../../../src/domain/balance/indicators";
import type { DistrictYear, SectionYear } from "../../../src/domain/balance/inputs";
import { buildBalanceReport, type SectionInput } from "../../../src/domain/balance/report";
import { evaluateTargets } from "../../../src/domain/balance/targets";

const flat = (v: number) => Object.fromEntries(QUALITY_INDICATORS.map((id) => [id, v])) as LevelMember["quality"];
const flatBasic = (v: number) => Object.fromEntries(BASIC_INDICATORS.map((id) => [id, v])) as LevelMember["basic"];

describe("a level's between-school figures", () => {
  it("judges each 2017 CV against 0.50 (primary) and 0.45 (junior) separately", () => {
    // 100 pupils at 1 and 100 at 3 on R2: X̄ 2, S 1, CV 0.5; every other indicator equal.
    const a: LevelMember = { students: 100, locationType: "urban", quality: { ...flat(5), R2: 1 }, basic: flatBasic(1) };
    const b: LevelMember = { students: 100, locationType: "rural", quality: { ...flat(5), R2: 3 }, basic: flatBasic(1) };
    const primary = evaluateLevel("primary", [a, b]);
    expect(primary.quality.R2).toMatchObject({ mean: 2, sd: 1, cv: 0.5, threshold: 0.5, pass: true });
    expect(primary.quality.R1).toMatchObject({ cv: 0, pass: true });
    expect(primary.allQualityCvPass).toBe(true);
    const junior = evaluateLevel("junior", [a, b]);
    expect(junior.quality.R2).toMatchObject({ cv: 0.5, threshold: 0.45, pass: false });
    expect(junior.allQualityCvPass).toBe(false);
    // The mean of the seven CVs is information only: (0.5 + 6·0) / 7.
    expect(junior.meanQualityCv).toBeCloseTo(0.5 / 7, 12);
  });

  it("takes the 2012 composite as the plain mean of the eight CVs, against 0.65 / 0.55", () => {
    // B6 alone varies: 100 pupils at 1, 300 at 3 → X̄ 2.5, S = sqrt(0.75), CV ≈ 0.3464; composite = that ÷ 8.
    const a: LevelMember = { students: 100, locationType: "urban", quality: flat(1), basic: { ...flatBasic(2), B6: 1 } };
    const b: LevelMember = { students: 300, locationType: "urban", quality: flat(1), basic: { ...flatBasic(2), B6: 3 } };
    const ev = evaluateLevel("junior", [a, b]);
    expect(ev.basic.B6.cv).toBeCloseTo(Math.sqrt(0.75) / 2.5, 12);
    expect(ev.basicComposite.cv).toBeCloseTo(Math.sqrt(0.75) / 2.5 / 8, 12);
    expect(ev.basicComposite).toMatchObject({ threshold: 0.55, pass: true });
  });

  it("divides the urban weighted mean by the rural one (镇区 and 乡村 count as rural)", () => {
    const m = (students: number, locationType: LevelMember["locationType"], v: number): LevelMember => ({ students, locationType, quality: flat(v), basic: flatBasic(1) });
    // Urban: 100 at 6 and 300 at 2 → 3. Rural: town 100 at 1, rural 100 at 2 → 1.5. Ratio 2.
    const ev = evaluateLevel("primary", [m(100, "urban", 6), m(300, "urban", 2), m(100, "town", 1), m(100, "rural", 2)]);
    expect(ev.urbanRural.R4).toEqual({ urbanMean: 3, ruralMean: 1.5, ratio: 2 });
    expect(evaluateLevel("primary", [m(100, "urban", 6)]).urbanRural.R4.ratio).toBeNull();
  });
});

const row = (schoolId: string, students: number, over: Partial<SectionYear> = {}): SectionYear => ({
  school_id: schoolId, section: "primary", students, classes: Math.ceil(students / 40), teachers: students / 10,
  qualified_teachers: students / 20, key_teachers: students / 50, pe_art_teachers: students / 50, senior_title_teachers: students / 25,
  teaching_area: students * 5, sports_area: students * 8, equipment_value: students * 2500, multimedia_classrooms: Math.ceil(students / 40),
  computers: students / 10, library_books: students * 30, largest_class: 40, public_funding_per_student: 700, ...over,
});
const district: DistrictYear = {
  year: 2024,
  provincial_minimum_funding: { primary: 650, junior: 850 },
  migrant_children: { eligible: 200, in_public_places: 170 },
  disabled_children: { school_age: 40, enrolled: 37 },
  teacher_rotation: { eligible: 100, rotated: 10, key_rotated: 1 },
  campus_group_subsidies: [{ group: "g", paid: 100_000 }],
};
const section = (id: string, over: Partial<SectionInput>, inputs: SectionYear): SectionInput => ({
  id: `${id}-primary`, schoolId: id, name: id, section: "primary", township: "t", locationType: "urban",
  teachingPoint: false, specialEducation: false, nineYear: false, campusGroup: null, inputs, ...over,
});

describe("the published year report", () => {
  const sections = [
    section("a", {}, row("a", 400)),
    section("b", { locationType: "rural", campusGroup: "g" }, row("b", 200, { key_teachers: 1 })),
    section("c", { locationType: "rural", campusGroup: "g" }, row("c", 200)),
    section("tp", { locationType: "rural", teachingPoint: true }, row("tp", 20, { equipment_value: 0 })),
    section("sp", { specialEducation: true }, row("sp", 100, { public_funding_per_student: 5000 })),
  ];
  const [y1, y2] = buildBalanceReport([
    { year: 2024, district, sections },
    { year: 2025, district: { ...district, year: 2025 }, sections: sections.map((s) => (s.id === "b-primary" ? { ...s, inputs: { ...s.inputs, key_teachers: 4 } } : s)) },
  ]);

  it("leaves the small teaching point and the special school out of the CV and says why", () => {
    expect(y1!.levels.primary!.sections_in_scope).toEqual(["a-primary", "b-primary", "c-primary"]);
    expect(y1!.levels.primary!.sections_excluded).toEqual([
      { id: "tp-primary", reason: "small_teaching_point" },
      { id: "sp-primary", reason: "special_education" },
    ]);
    expect(y1!.sections.find((s) => s.id === "tp-primary")!.result).toBe("out_of_scope");
    expect(y1!.levels.junior).toBeNull();
  });

  it("gives each section its result, the district mean and the mean of similar sections", () => {
    const b = y1!.sections.find((s) => s.id === "b-primary")!;
    // R2 = 0.5 per 100: 50% of the standard, so 6 of 7 with the seventh under 85%.
    expect(b.quality.R2).toMatchObject({ value: 0.5, standard: 1, met: false, percent_of_standard: 50 });
    expect(b.standards_met).toBe(6);
    expect(b.result).toBe("fail");
    // District R2: (400·2 + 200·0.5 + 200·2) / 800 = 1.625 → 1.63 at two decimals.
    expect(b.quality.R2.district_mean).toBe(1.63);
    // Similar (rural primary, in scope): (200·0.5 + 200·2) / 400 = 1.25.
    expect(b.quality.R2.similar_mean).toBe(1.25);
    expect(y1!.sections.find((s) => s.id === "a-primary")!.result).toBe("pass");
    expect(y1!.levels.primary!.sections_passing).toBe(2);
  });

  it("rounds CVs to three decimals and reports the change since the previous year", () => {
    const r2 = y1!.levels.primary!.quality.R2;
    // X̄ 1.625; S² = (400·0.140625 + 200·1.265625 + 200·0.140625)/800 = 0.421875.
    expect(r2.cv).toBe(Math.round((Math.sqrt(0.421875) / 1.625) * 1000) / 1000);
    expect(r2.cv_change).toBeNull();
    const next = y2!.levels.primary!.quality.R2;
    expect(next.cv_change).toBe(Math.round((next.cv! - r2.cv!) * 1000) / 1000);
    expect(y2!.sections.find((s) => s.id === "b-primary")!.result).toBe("pass");
  });

  it("checks the rural funding top-up and the special-school funding floor", () => {
    expect(y1!.sections.find((s) => s.id === "b-primary")).toMatchObject({ funding_required: 700, funding_ok: true });
    expect(y1!.sections.find((s) => s.id === "sp-primary")).toMatchObject({ funding_required: 6000, funding_ok: false });
    expect(y1!.sections.find((s) => s.id === "a-primary")).toMatchObject({ funding_required: 650, funding_ok: true });
  });
});

describe("the policy targets", () => {
  const base = { schoolId: "x", section: "primary" as const, locationType: "rural" as const, specialEducation: false, nineYear: false, campusGroup: null };
  const byId = (d: DistrictYear, inputs = [row("x", 400, { public_funding_per_student: 699 })]) =>
    Object.fromEntries(evaluateTargets(inputs.map((i) => ({ ...base, inputs: i })), d).map((t) => [t.id, t]));

  it("holds rural funding to the provincial minimum plus 50 元", () => {
    expect(byId(district).rural_funding).toMatchObject({ value: 1, met: false });
    expect(byId(district, [row("x", 400, { public_funding_per_student: 700 })]).rural_funding).toMatchObject({ value: 0, met: true });
  });

  it("needs 10% of eligible teachers rotated and 20% key teachers among them", () => {
    const t = byId(district);
    expect(t.teacher_rotation).toMatchObject({ value: 0.1, met: true });
    expect(t.key_teacher_rotation).toMatchObject({ value: 0.1, met: false });
  });

  it("checks migrant places at 85%, disabled enrolment at 95% and multimedia at 80% of classes", () => {
    const t = byId(district);
    expect(t.migrant_children).toMatchObject({ value: 0.85, met: true });
    expect(t.disabled_children).toMatchObject({ value: 0.925, met: false });
    expect(t.multimedia).toMatchObject({ value: 1, met: true });
  });

  it("counts campus groups paid less than 100,000 元 and classes over 45 pupils", () => {
    const grouped = [row("x", 400, { largest_class: 46 }), row("y", 100)].map((i) => ({ ...base, schoolId: i.school_id, campusGroup: "g", inputs: i }));
    const t = Object.fromEntries(evaluateTargets(grouped, { ...district, campus_group_subsidies: [{ group: "g", paid: 99_999 }] }).map((x) => [x.id, x]));
    expect(t.campus_group_subsidy).toMatchObject({ value: 1, met: false });
    expect(t.class_size).toMatchObject({ value: 1, met: false });
  });
});

describe("the unweighted CV beside the weighted one (information only)", () => {
  it("flags an indicator whose verdict the student weighting decides", () => {
    // R2 (key teachers per 100): 1000 pupils at 1.0 and 10 pupils at 5.0. Weighted: X̄ ≈ 1.04, CV ≈ 0.19 (within 0.50);
    // unweighted: X̄ 3, S 2, CV 0.667 (over). Every other indicator is proportional to students, so equal everywhere.
    const [y] = buildBalanceReport([{ year: 2024, district, sections: [
      section("big", {}, row("big", 1000, { key_teachers: 10 })),
      section("small", {}, row("small", 10, { key_teachers: 0.5 })),
    ] }]);
    const r2 = y!.levels.primary!.quality.R2;
    expect(r2.pass).toBe(true);
    expect(r2.unweighted_cv).toBe(0.667);
    expect(r2.weighting_changes_verdict).toBe(true);
    expect(y!.levels.primary!.quality.R1.weighting_changes_verdict).toBe(false);
  });
});
