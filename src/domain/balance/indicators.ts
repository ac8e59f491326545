/**
 * The indicator vocabularies of the two national methods (DOMAIN.md §2.2, §2.4): ids, names,
 * units, per-level standards, display decimals and the thresholds on the coefficient of
 * variation. Every page, download and test reads them from here, so a standard lives in
 * one place (DESIGN.md convention 4).
 */
import type { Section } from "../district/vocabulary";

/** The seven resource indicators of the 2017 quality-balance method (教督〔2017〕6号). */
export const QUALITY_INDICATORS = ["R1", "R2", "R3", "R4", "R5", "R6", "R7"] as const;
export type QualityIndicator = (typeof QUALITY_INDICATORS)[number];

/** The eight indicators of the 2012 basic-balance method (教督〔2012〕3号). */
export const BASIC_INDICATORS = ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"] as const;
export type BasicIndicator = (typeof BASIC_INDICATORS)[number];

/** How many indicators each method has (7 and 8): pages say "7 项" from these, never by hand. */
export const QUALITY_COUNT = QUALITY_INDICATORS.length;
export const BASIC_COUNT = BASIC_INDICATORS.length;

type IndicatorInfo = {
  name: string;
  /** The unit as printed after a value. */
  unit: string;
  /** Decimals shown on pages and written to downloads; computation never rounds. */
  decimals: number;
};

export const QUALITY_INFO: Record<QualityIndicator, IndicatorInfo & { standard: Record<Section, number> }> = {
  R1: { name: "每百名学生拥有高于规定学历教师数", unit: "人", decimals: 2, standard: { primary: 4.2, junior: 5.3 } },
  R2: { name: "每百名学生拥有县级以上骨干教师数", unit: "人", decimals: 2, standard: { primary: 1.0, junior: 1.0 } },
  R3: { name: "每百名学生拥有体育、艺术（美术、音乐）专任教师数", unit: "人", decimals: 2, standard: { primary: 0.9, junior: 0.9 } },
  R4: { name: "生均教学及辅助用房面积", unit: "平方米", decimals: 2, standard: { primary: 4.5, junior: 5.8 } },
  R5: { name: "生均体育运动场馆面积", unit: "平方米", decimals: 2, standard: { primary: 7.5, junior: 10.2 } },
  R6: { name: "生均教学仪器设备值", unit: "元", decimals: 0, standard: { primary: 2000, junior: 2500 } },
  R7: { name: "每百名学生拥有网络多媒体教室数", unit: "间", decimals: 2, standard: { primary: 2.3, junior: 2.4 } },
};

export const BASIC_INFO: Record<BasicIndicator, IndicatorInfo> = {
  B1: { name: "生均教学及辅助用房面积", unit: "平方米", decimals: 2 },
  B2: { name: "生均体育运动场馆面积", unit: "平方米", decimals: 2 },
  B3: { name: "生均教学仪器设备值", unit: "元", decimals: 0 },
  B4: { name: "每百名学生拥有计算机台数", unit: "台", decimals: 2 },
  B5: { name: "生均图书册数", unit: "册", decimals: 2 },
  B6: { name: "师生比（每名学生的专任教师数）", unit: "", decimals: 4 },
  B7: { name: "生均高于规定学历教师数", unit: "人", decimals: 4 },
  B8: { name: "生均中级及以上专业技术职务教师数", unit: "人", decimals: 4 },
};

/** A section meets the quality method with 6 of 7 standards and the 7th at ≥ 85% of its standard. */
export const QUALITY_MIN_MET = 6;
export const QUALITY_NEAR_MISS_RATIO = 0.85;

/** Between-school CV ceilings, per indicator (2017) and for the eight-indicator mean (2012). */
export const QUALITY_CV_MAX: Record<Section, number> = { primary: 0.5, junior: 0.45 };
export const BASIC_COMPOSITE_CV_MAX: Record<Section, number> = { primary: 0.65, junior: 0.55 };

/** Teaching points below this enrolment leave the resource set (provincial wording). */
export const TEACHING_POINT_MIN_STUDENTS = 50;

/** Means and standard deviations keep this many decimals more than the indicator's own values. */
export const MEAN_EXTRA_DECIMALS = 2;

/** Decimals of CVs, means of CVs and urban–rural ratios on pages and in downloads. */
export const CV_DECIMALS = 3;
export const RATIO_DECIMALS = 2;
export const PERCENT_DECIMALS = 1;

/** Rounds for display and download only: half away from zero at `decimals` places. */
export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(value) * f + Number.EPSILON * f) / f;
  return value < 0 ? -r : r;
}

/** How many decimals roundToSide may add before it gives up rounding (the unrounded value is then published). */
const MAX_EXTRA_DECIMALS = 6;

/**
 * Rounds like `round`, but never across a boundary: if the value rounded to `decimals`
 * would land on the other side of its standard (0.99668 → 1.00 against ≥ 1.00), it keeps
 * one more decimal at a time until the published number and the verdict agree. `passes` is
 * the rule the unrounded value is judged by (e.g. v ≥ standard, or cv ≤ ceiling).
 */
export function roundToSide(value: number, decimals: number, passes: (v: number) => boolean): number {
  const side = passes(value);
  for (let d = decimals; d <= decimals + MAX_EXTRA_DECIMALS; d++) {
    const r = round(value, d);
    if (passes(r) === side) return r;
  }
  return value;
}
