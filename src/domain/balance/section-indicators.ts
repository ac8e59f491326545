/**
 * A school section's indicator values under both national methods, from its yearly inputs
 * (DOMAIN.md §2.2 and §2.4). The 2017 method counts teachers and classrooms per hundred
 * students; the 2012 method counts per student (B7 is per student, not per hundred).
 */
import type { SectionYear } from "./inputs";
import type { BasicIndicator, QualityIndicator } from "./indicators";

export function qualityValues(r: SectionYear): Record<QualityIndicator, number> {
  const perHundred = (x: number) => (x / r.students) * 100;
  return {
    R1: perHundred(r.qualified_teachers),
    R2: perHundred(r.key_teachers),
    R3: perHundred(r.pe_art_teachers),
    R4: r.teaching_area / r.students,
    R5: r.sports_area / r.students,
    R6: r.equipment_value / r.students,
    R7: perHundred(r.multimedia_classrooms),
  };
}

export function basicValues(r: SectionYear): Record<BasicIndicator, number> {
  return {
    B1: r.teaching_area / r.students,
    B2: r.sports_area / r.students,
    B3: r.equipment_value / r.students,
    B4: (r.computers / r.students) * 100,
    B5: r.library_books / r.students,
    B6: r.teachers / r.students,
    B7: r.qualified_teachers / r.students,
    B8: r.senior_title_teachers / r.students,
  };
}

/** Which inputs each indicator is computed from, shown beside its value on the scorecard. */
export const QUALITY_INPUTS: Record<QualityIndicator, readonly (keyof SectionYear)[]> = {
  R1: ["qualified_teachers", "students"],
  R2: ["key_teachers", "students"],
  R3: ["pe_art_teachers", "students"],
  R4: ["teaching_area", "students"],
  R5: ["sports_area", "students"],
  R6: ["equipment_value", "students"],
  R7: ["multimedia_classrooms", "students"],
};

/** The formula of each indicator in words, for the scorecard and the methodology page. */
export const QUALITY_FORMULAS: Record<QualityIndicator, string> = {
  R1: "高于规定学历的专任教师数 ÷ 在校生数 × 100",
  R2: "县级以上骨干教师数 ÷ 在校生数 × 100",
  R3: "体育、艺术专任教师数 ÷ 在校生数 × 100",
  R4: "教学及辅助用房面积 ÷ 在校生数",
  R5: "体育运动场馆面积 ÷ 在校生数",
  R6: "教学仪器设备值 ÷ 在校生数",
  R7: "网络多媒体教室数 ÷ 在校生数 × 100",
};

export const BASIC_FORMULAS: Record<BasicIndicator, string> = {
  B1: "教学及辅助用房面积 ÷ 在校生数",
  B2: "体育运动场馆面积 ÷ 在校生数",
  B3: "教学仪器设备值 ÷ 在校生数",
  B4: "教学用计算机台数 ÷ 在校生数 × 100",
  B5: "图书册数 ÷ 在校生数",
  B6: "专任教师数 ÷ 在校生数",
  B7: "高于规定学历的专任教师数 ÷ 在校生数",
  B8: "中级及以上职称专任教师数 ÷ 在校生数",
};
