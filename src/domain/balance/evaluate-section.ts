/**
 * One school section against the 2017 standards (DOMAIN.md §2.2): each indicator against its
 * per-level standard, and the section's result by the pass rule (QUALITY_MIN_MET indicators at
 * standard, the rest at least QUALITY_NEAR_MISS_RATIO of theirs; rule-text.ts says it in
 * words). Also decides whether the section belongs to the resource set of the between-school
 * CV: small teaching points and special-education schools do not.
 */
import type { Section } from "../district/vocabulary";
import {
  QUALITY_INDICATORS,
  QUALITY_INFO,
  QUALITY_MIN_MET,
  QUALITY_NEAR_MISS_RATIO,
  TEACHING_POINT_MIN_STUDENTS,
  type QualityIndicator,
} from "./indicators";
import { smallTeachingPoint } from "./rule-text";

export const SCOPE_REASONS = ["special_education", "small_teaching_point"] as const;
export type ScopeReason = (typeof SCOPE_REASONS)[number];
export const SCOPE_REASON_LABELS: Record<ScopeReason, string> = {
  special_education: "特殊教育学校，不纳入资源配置差异系数计算",
  small_teaching_point: `${smallTeachingPoint()}，不纳入资源配置差异系数计算`,
};

export function scopeOf(s: { specialEducation: boolean; teachingPoint: boolean; students: number }): ScopeReason | null {
  if (s.specialEducation) return "special_education";
  if (s.teachingPoint && s.students < TEACHING_POINT_MIN_STUDENTS) return "small_teaching_point";
  return null;
}

export type StandardCheck = { value: number; standard: number; met: boolean; ratio: number };

export function checkStandards(section: Section, values: Record<QualityIndicator, number>): Record<QualityIndicator, StandardCheck> {
  const out = {} as Record<QualityIndicator, StandardCheck>;
  for (const id of QUALITY_INDICATORS) {
    const standard = QUALITY_INFO[id].standard[section];
    const value = values[id];
    out[id] = { value, standard, met: value >= standard, ratio: value / standard };
  }
  return out;
}

export type SectionVerdict = { metCount: number; passes: boolean; shortfall: QualityIndicator[] };

/** At least QUALITY_MIN_MET at standard and the others at ≥ QUALITY_NEAR_MISS_RATIO of theirs; all at standard passes too. */
export function sectionVerdict(checks: Record<QualityIndicator, StandardCheck>): SectionVerdict {
  const shortfall = QUALITY_INDICATORS.filter((id) => !checks[id].met);
  const metCount = QUALITY_INDICATORS.length - shortfall.length;
  const passes =
    metCount >= QUALITY_MIN_MET &&
    shortfall.every((id) => checks[id].ratio >= QUALITY_NEAR_MISS_RATIO);
  return { metCount, passes, shortfall };
}
