import { describe, expect, it } from "vitest";
import { checkStandards, scopeOf, sectionVerdict } from "../../../src/domain/balance/evaluate-section";
import { QUALITY_INFO, QUALITY_INDICATORS, round, roundToSide } from "../../../src/domain/balance/indicators";
import { basicValues, qualityValues } from "../../../src/domain/balance/section-indicators";
import type { SectionYear } from "../../../src/domain/balance/inputs";

/** A primary section of 200 pupils that meets every 2017 standard exactly. */
const atStandard: SectionYear = {
  school_id: "a",
  section: "primary",
  students: 200,
  classes: 8,
  teachers: 14,
  qualified_teachers: 9, // 4.5 per 100 ≥ 4.2
  key_teachers: 2, // 1.0 per 100
  pe_art_teachers: 2, // 1.0 per 100 ≥ 0.9
  senior_title_teachers: 6,
  teaching_area: 900, // 4.5 m² per pupil
  sports_area: 1500, // 7.5 m²
  equipment_value: 400_000, // 2000 元
  multimedia_classrooms: 5, // 2.5 per 100 ≥ 2.3
  computers: 20,
  library_books: 6000,
  largest_class: 30,
  public_funding_per_student: 700,
};
const verdictOf = (row: SectionYear) => sectionVerdict(checkStandards(row.section, qualityValues(row)));

describe("a school section's indicators", () => {
  it("counts teachers and classrooms per hundred pupils (2017) and per pupil (2012)", () => {
    const q = qualityValues(atStandard);
    expect(q).toEqual({ R1: 4.5, R2: 1, R3: 1, R4: 4.5, R5: 7.5, R6: 2000, R7: 2.5 });
    const b = basicValues(atStandard);
    expect(b.B4).toBe(10); // computers per hundred pupils
    expect(b.B5).toBe(30);
    expect(b.B6).toBe(0.07);
    expect(b.B7).toBe(0.045); // per pupil, not per hundred
    expect(b.B8).toBe(0.03);
  });

  it("uses the junior standards for a junior section", () => {
    const checks = checkStandards("junior", qualityValues({ ...atStandard, section: "junior" }));
    expect(checks.R1).toMatchObject({ standard: 5.3, met: false });
    expect(checks.R5).toMatchObject({ standard: 10.2, met: false });
    for (const id of QUALITY_INDICATORS) expect(checks[id].standard).toBe(QUALITY_INFO[id].standard.junior);
  });
});

describe("the 6-of-7 rule with the seventh at 85% of its standard", () => {
  it("passes a section meeting all seven standards, at the standard exactly", () => {
    expect(verdictOf(atStandard)).toEqual({ metCount: 7, passes: true, shortfall: [] });
  });

  it("passes six met and the seventh at exactly 85%", () => {
    // R6 1700 元 = 85% of 2000.
    expect(verdictOf({ ...atStandard, equipment_value: 340_000 })).toEqual({ metCount: 6, passes: true, shortfall: ["R6"] });
  });

  it("fails six met and the seventh below 85%", () => {
    // R6 1690 元 = 84.5%.
    expect(verdictOf({ ...atStandard, equipment_value: 338_000 })).toEqual({ metCount: 6, passes: false, shortfall: ["R6"] });
  });

  it("fails five met even when both misses are close", () => {
    const v = verdictOf({ ...atStandard, equipment_value: 398_000, teaching_area: 898 });
    expect(v).toEqual({ metCount: 5, passes: false, shortfall: ["R4", "R6"] });
  });
});

describe("the resource-set scope", () => {
  it("leaves out special-education schools and teaching points under 50 pupils only", () => {
    expect(scopeOf({ specialEducation: true, teachingPoint: false, students: 500 })).toBe("special_education");
    expect(scopeOf({ specialEducation: false, teachingPoint: true, students: 49 })).toBe("small_teaching_point");
    expect(scopeOf({ specialEducation: false, teachingPoint: true, students: 50 })).toBeNull();
    expect(scopeOf({ specialEducation: false, teachingPoint: false, students: 12 })).toBeNull();
  });
});

describe("display rounding", () => {
  it("rounds half away from zero at the stated decimals", () => {
    expect(round(0.5145, 3)).toBe(0.515);
    expect(round(0.5144, 3)).toBe(0.514);
    expect(round(2.345, 2)).toBe(2.35);
    expect(round(-0.0125, 3)).toBe(-0.013);
    expect(round(1999.5, 0)).toBe(2000);
  });
});

describe("rounding never crosses a standard (issue 17 item 3)", () => {
  it("keeps more decimals only when the rounded number would contradict the verdict", () => {
    const atLeast1 = (v: number) => v >= 1;
    expect(roundToSide(0.99668, 2, atLeast1)).toBe(0.997);
    expect(roundToSide(2.29885, 2, (v) => v >= 2.3)).toBe(2.299);
    expect(roundToSide(1.00432, 2, atLeast1)).toBe(1);
    expect(roundToSide(0.5004, 3, (v) => v <= 0.5)).toBe(0.5004);
    expect(roundToSide(0.4996, 3, (v) => v <= 0.5)).toBe(0.5);
    expect(roundToSide(99.96, 1, (v) => v >= 100)).toBe(99.96);
    // A value a hair under its standard beyond six extra decimals is published unrounded.
    expect(roundToSide(1 - 1e-12, 2, atLeast1)).toBe(1 - 1e-12);
  });
});
