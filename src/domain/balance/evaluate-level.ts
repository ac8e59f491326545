/**
 * One level (小学 or 初中) of the district in one year: for every indicator the
 * student-weighted X̄, S and CV over the sections in scope, each 2017 CV against 0.50 / 0.45,
 * the 2012 composite (mean of eight CVs) against 0.65 / 0.55, and the urban–rural ratio of
 * weighted means (DOMAIN.md §2.2–2.4, §2.6). Numbers stay unrounded here.
 */
import type { LocationType, Section } from "../district/vocabulary";
import {
  BASIC_COMPOSITE_CV_MAX,
  BASIC_INDICATORS,
  QUALITY_CV_MAX,
  QUALITY_INDICATORS,
  type BasicIndicator,
  type QualityIndicator,
} from "./indicators";
import { isRural } from "./local-practice";
import { weightedStats, type WeightedStats } from "./weighted-cv";

export type LevelMember = {
  students: number;
  locationType: LocationType;
  quality: Record<QualityIndicator, number>;
  basic: Record<BasicIndicator, number>;
};

export type LevelEvaluation = {
  quality: Record<QualityIndicator, WeightedStats & { threshold: number; pass: boolean; unweightedCv: number | null }>;
  /** Every 2017 indicator's CV within its ceiling: the between-school requirement. */
  allQualityCvPass: boolean;
  /** Mean of the seven CVs: information only under the 2017 method. */
  meanQualityCv: number | null;
  basic: Record<BasicIndicator, WeightedStats>;
  basicComposite: { cv: number | null; threshold: number; pass: boolean };
  /** Urban weighted mean ÷ rural weighted mean; null when either group is empty. */
  urbanRural: Record<QualityIndicator, { urbanMean: number | null; ruralMean: number | null; ratio: number | null }>;
};

function meanOf(values: (number | null)[]): number | null {
  if (values.some((v) => v === null)) return null;
  return (values as number[]).reduce((a, b) => a + b, 0) / values.length;
}

export function evaluateLevel(level: Section, members: readonly LevelMember[]): LevelEvaluation {
  const quality = {} as LevelEvaluation["quality"];
  const urbanRural = {} as LevelEvaluation["urbanRural"];
  const urban = members.filter((m) => !isRural(m.locationType));
  const rural = members.filter((m) => isRural(m.locationType));
  for (const id of QUALITY_INDICATORS) {
    const stats = weightedStats(members.map((m) => ({ weight: m.students, value: m.quality[id] })));
    const threshold = QUALITY_CV_MAX[level];
    // The unweighted population CV, information only: the weighting is this project's reading of the 2012 说明.
    const unweightedCv = weightedStats(members.map((m) => ({ weight: 1, value: m.quality[id] }))).cv;
    quality[id] = { ...stats, threshold, pass: stats.cv !== null && stats.cv <= threshold, unweightedCv };
    const u = urban.length ? weightedStats(urban.map((m) => ({ weight: m.students, value: m.quality[id] }))).mean : null;
    const r = rural.length ? weightedStats(rural.map((m) => ({ weight: m.students, value: m.quality[id] }))).mean : null;
    urbanRural[id] = { urbanMean: u, ruralMean: r, ratio: u !== null && r !== null && r !== 0 ? u / r : null };
  }
  const basic = {} as LevelEvaluation["basic"];
  for (const id of BASIC_INDICATORS) basic[id] = weightedStats(members.map((m) => ({ weight: m.students, value: m.basic[id] })));
  const compositeCv = meanOf(BASIC_INDICATORS.map((id) => basic[id].cv));
  const compositeMax = BASIC_COMPOSITE_CV_MAX[level];
  return {
    quality,
    allQualityCvPass: QUALITY_INDICATORS.every((id) => quality[id].pass),
    meanQualityCv: meanOf(QUALITY_INDICATORS.map((id) => quality[id].cv)),
    basic,
    basicComposite: { cv: compositeCv, threshold: compositeMax, pass: compositeCv !== null && compositeCv <= compositeMax },
    urbanRural,
  };
}
