import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { districtVerdict, levelVerdict, type VerdictSection } from "../../../src/domain/balance/district-verdict";
import { fundingFloors } from "../../../src/domain/balance/funding-floor";
import { QUALITY_INDICATORS, type QualityIndicator } from "../../../src/domain/balance/indicators";
import { buildBalanceReport, type SectionInput } from "../../../src/domain/balance/report";
import type { SectionYear } from "../../../src/domain/balance/inputs";
import { verdictSentence } from "../../../src/lib/balance-verdict";

const allCv = (pass: boolean) => Object.fromEntries(QUALITY_INDICATORS.map((i) => [i, pass])) as Record<QualityIndicator, boolean>;
const runs = Number(process.env.PROPERTY_RUNS ?? 200);

describe("the district's 2017 resource verdict", () => {
  it("needs every in-scope section passing AND every CV within its ceiling", () => {
    const ok: VerdictSection[] = [{ id: "a", inScope: true, passes: true }, { id: "b", inScope: true, passes: true }];
    expect(levelVerdict(ok, allCv(true))).toEqual({ holds: true, failing_sections: [], failing_cvs: [] });
    // Every CV passes but one school fails: the district fails, naming the school.
    const oneFails = [...ok, { id: "c", inScope: true, passes: false }];
    expect(levelVerdict(oneFails, allCv(true))).toEqual({ holds: false, failing_sections: ["c"], failing_cvs: [] });
    // Every school passes but one CV is over: the district fails, naming the indicator.
    expect(levelVerdict(ok, { ...allCv(true), R5: false })).toEqual({ holds: false, failing_sections: [], failing_cvs: ["R5"] });
    // An out-of-scope section that fails the standards does not hold the district back.
    expect(levelVerdict([...ok, { id: "tp", inScope: false, passes: false }], allCv(true)).holds).toBe(true);
  });

  it("is false for the district whenever any in-scope section of any level fails (property)", () => {
    const section = fc.record({ id: fc.string(), inScope: fc.boolean(), passes: fc.boolean() });
    const cvs = fc.record(Object.fromEntries(QUALITY_INDICATORS.map((i) => [i, fc.boolean()])) as Record<QualityIndicator, fc.Arbitrary<boolean>>);
    fc.assert(
      fc.property(fc.array(section, { maxLength: 30 }), fc.array(section, { maxLength: 30 }), cvs, cvs, (primary, junior, cvP, cvJ) => {
        const verdict = districtVerdict({ primary: levelVerdict(primary, cvP), junior: levelVerdict(junior, cvJ) });
        const anySchoolFails = [...primary, ...junior].some((s) => s.inScope && !s.passes);
        const anyCvFails = [cvP, cvJ].some((c) => QUALITY_INDICATORS.some((i) => !c[i]));
        if (anySchoolFails || anyCvFails) expect(verdict).toBe(false);
        else expect(verdict).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it("is false in the built report when one in-scope school fails though every CV passes", () => {
    const row = (id: string, students: number, over: Partial<SectionYear> = {}): SectionYear => ({
      school_id: id, section: "primary", students, classes: Math.ceil(students / 40), teachers: students / 10,
      qualified_teachers: students / 20, key_teachers: students / 50, pe_art_teachers: students / 50, senior_title_teachers: students / 25,
      teaching_area: students * 5, sports_area: students * 8, equipment_value: students * 2500, multimedia_classrooms: Math.ceil(students / 40),
      computers: students / 10, library_books: students * 30, largest_class: 40, public_funding_per_student: 700, ...over,
    });
    const s = (id: string, inputs: SectionYear): SectionInput => ({
      id: `${id}-primary`, schoolId: id, name: id, section: "primary", township: "t", locationType: "urban",
      teachingPoint: false, specialEducation: false, nineYear: false, campusGroup: null, inputs,
    });
    // c has R2 = 0.6 (60% of the standard) and R3 = 0.6: two indicators short, so it fails; the CVs stay low.
    const [y] = buildBalanceReport([{
      year: 2025,
      district: { year: 2025, provincial_minimum_funding: { primary: 650, junior: 850 }, migrant_children: { eligible: 1, in_public_places: 1 }, disabled_children: { school_age: 1, enrolled: 1 }, teacher_rotation: { eligible: 10, rotated: 1, key_rotated: 1 }, campus_group_subsidies: [] },
      sections: [s("a", row("a", 1000)), s("b", row("b", 1000)), s("c", row("c", 100, { key_teachers: 0.6, pe_art_teachers: 0.6 }))],
    }]);
    expect(y!.levels.primary!.all_cv_pass).toBe(true);
    expect(y!.levels.primary!.verdict).toEqual({ holds: false, failing_sections: ["c-primary"], failing_cvs: [] });
    expect(y!.resource_verdict).toBe(false);
    // The one plain sentence says it fails and why, though every CV is within its ceiling.
    expect(verdictSentence(y!)).toBe("2025—2026学年全区资源配置未达到优质均衡要求：小学参与评估的3所中有1所未达到标准，各项差异系数都在上限以内。");
  });
});

describe("schools under 100 students funded as 100 (2017 method)", () => {
  const one = (students: number, perStudent: number, required = 710) =>
    fundingFloors([{ schoolId: "x", students, fundingPerStudent: perStudent, requiredPerStudent: required }]).get("x");

  it("fails a teaching point with 30 pupils at 778 元 against 100 × 710 元", () => {
    expect(one(30, 778)).toEqual({ students: 30, received: 23_340, required: 71_000, ok: false });
  });

  it("passes at exactly 100 × the standard and does not apply from 100 pupils", () => {
    expect(one(50, 1420)).toMatchObject({ received: 71_000, required: 71_000, ok: true });
    expect(one(50, 1419.99)!.ok).toBe(false);
    expect(one(99, 700)).toMatchObject({ ok: false });
    expect(one(100, 710)).toBeNull();
  });

  it("sums both sections of a small nine-year school and weights their standards by students", () => {
    const f = fundingFloors([
      { schoolId: "n", students: 60, fundingPerStudent: 1000, requiredPerStudent: 700 },
      { schoolId: "n", students: 20, fundingPerStudent: 1000, requiredPerStudent: 900 },
    ]).get("n")!;
    // Required: 100 × (60·700 + 20·900) / 80 = 75,000; received: 80 × 1000 = 80,000.
    expect(f).toEqual({ students: 80, received: 80_000, required: 75_000, ok: true });
  });
});
