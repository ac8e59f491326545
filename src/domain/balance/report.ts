/**
 * Assembles the published balance results for every year: each section's indicators against
 * its standard, the district mean and the mean of similar sections (same level and location
 * type); each level's X̄, S and CV; the policy targets; changes since the previous year.
 * Verdicts are decided on unrounded numbers; the numbers are then rounded once, here, to the
 * documented decimals. Pages and downloads both render this object, so every number on a
 * page is the number in the JSON download; each section's row has the type of the one
 * documented schema of the published result (published-result.ts).
 */
import type { LocationType, Section } from "../district/vocabulary";
import { SECTIONS } from "../district/vocabulary";
import { checkStandards, scopeOf, sectionVerdict, type ScopeReason } from "./evaluate-section";
import { evaluateLevel, type LevelMember } from "./evaluate-level";
import {
  BASIC_INDICATORS,
  BASIC_INFO,
  CV_DECIMALS,
  MEAN_EXTRA_DECIMALS,
  PERCENT_DECIMALS,
  QUALITY_INDICATORS,
  QUALITY_INFO,
  RATIO_DECIMALS,
  round,
  roundToSide,
  type BasicIndicator,
  type QualityIndicator,
} from "./indicators";
import type { DistrictYear, SectionYear } from "./inputs";
import { CLASS_SIZE_MAX, MULTIMEDIA_TARGET } from "./local-practice";
import type { PublishedSection } from "./published-result";
import { basicValues, qualityValues } from "./section-indicators";
import { evaluateTargets, multimediaShare, requiredFunding } from "./targets";
import { districtVerdict, levelVerdict } from "./district-verdict";
import { fundingFloors } from "./funding-floor";
import { weightedStats } from "./weighted-cv";

export type SectionInput = {
  /** `<school id>-<section>`: the scorecard's URL segment. */
  id: string;
  schoolId: string;
  name: string;
  section: Section;
  township: string;
  locationType: LocationType;
  teachingPoint: boolean;
  specialEducation: boolean;
  nineYear: boolean;
  campusGroup: string | null;
  inputs: SectionYear;
};
export type YearInput = { year: number; district: DistrictYear; sections: SectionInput[] };

export const sectionId = (schoolId: string, section: Section) => `${schoolId}-${section}`;

const r = (v: number | null, d: number) => (v === null ? null : round(v, d));

/** What a year needs of the year before: its CVs, for the change column. */
type PreviousYear = { levels: Record<Section, { quality: Record<QualityIndicator, { cv: number | null }> } | null> };

function buildYear(input: YearInput, previous: PreviousYear | undefined) {
  const evaluated = input.sections.map((s) => {
    const quality = qualityValues(s.inputs);
    const checks = checkStandards(s.section, quality);
    const scope = scopeOf({ ...s, students: s.inputs.students });
    return { s, quality, basic: basicValues(s.inputs), checks, verdict: sectionVerdict(checks), scope };
  });

  const levels = {} as Record<Section, ReturnType<typeof buildLevel>>;
  function buildLevel(level: Section) {
    const all = evaluated.filter((e) => e.s.section === level);
    const inScope = all.filter((e) => e.scope === null);
    const members: LevelMember[] = inScope.map((e) => ({ students: e.s.inputs.students, locationType: e.s.locationType, quality: e.quality, basic: e.basic }));
    if (members.length === 0) return null;
    const ev = evaluateLevel(level, members);
    const prev = previous?.levels[level];
    return {
      sections_in_scope: inScope.map((e) => e.s.id),
      sections_excluded: all.filter((e) => e.scope !== null).map((e) => ({ id: e.s.id, reason: e.scope as ScopeReason })),
      students_in_scope: members.reduce((a, m) => a + m.students, 0),
      sections_passing: inScope.filter((e) => e.verdict.passes).length,
      quality: Object.fromEntries(
        QUALITY_INDICATORS.map((id) => {
          const q = ev.quality[id];
          const d = QUALITY_INFO[id].decimals;
          const cv = q.cv === null ? null : roundToSide(q.cv, CV_DECIMALS, (v) => v <= q.threshold);
          const prevCv = prev?.quality[id].cv ?? null;
          return [id, {
            mean: round(q.mean, d + MEAN_EXTRA_DECIMALS),
            sd: round(q.sd, d + MEAN_EXTRA_DECIMALS),
            cv,
            threshold: q.threshold,
            pass: q.pass,
            sections_meeting_standard: inScope.filter((e) => e.checks[id].met).length,
            cv_change: cv !== null && prevCv !== null ? round(cv - prevCv, CV_DECIMALS) : null,
            unweighted_cv: q.unweightedCv === null ? null : roundToSide(q.unweightedCv, CV_DECIMALS, (v) => v <= q.threshold),
            weighting_changes_verdict: q.unweightedCv !== null && q.unweightedCv <= q.threshold !== q.pass,
            urban_mean: r(ev.urbanRural[id].urbanMean, d + MEAN_EXTRA_DECIMALS),
            rural_mean: r(ev.urbanRural[id].ruralMean, d + MEAN_EXTRA_DECIMALS),
            urban_rural_ratio: r(ev.urbanRural[id].ratio, RATIO_DECIMALS),
          }];
        }),
      ) as Record<QualityIndicator, LevelQuality>,
      all_cv_pass: ev.allQualityCvPass,
      verdict: levelVerdict(
        all.map((e) => ({ id: e.s.id, inScope: e.scope === null, passes: e.verdict.passes })),
        Object.fromEntries(QUALITY_INDICATORS.map((id) => [id, ev.quality[id].pass])) as Record<QualityIndicator, boolean>,
      ),
      mean_cv: r(ev.meanQualityCv, CV_DECIMALS),
      basic: Object.fromEntries(
        BASIC_INDICATORS.map((id) => {
          const b = ev.basic[id];
          const d = BASIC_INFO[id].decimals;
          return [id, { mean: round(b.mean, d + MEAN_EXTRA_DECIMALS), sd: round(b.sd, d + MEAN_EXTRA_DECIMALS), cv: r(b.cv, CV_DECIMALS) }];
        }),
      ) as Record<BasicIndicator, { mean: number; sd: number; cv: number | null }>,
      basic_composite: { cv: ev.basicComposite.cv === null ? null : roundToSide(ev.basicComposite.cv, CV_DECIMALS, (v) => v <= ev.basicComposite.threshold), threshold: ev.basicComposite.threshold, pass: ev.basicComposite.pass },
    };
  }
  type LevelQuality = {
    mean: number; sd: number; cv: number | null; threshold: number; pass: boolean; sections_meeting_standard: number;
    cv_change: number | null; unweighted_cv: number | null; weighting_changes_verdict: boolean; urban_mean: number | null; rural_mean: number | null; urban_rural_ratio: number | null;
  };
  for (const level of SECTIONS) levels[level] = buildLevel(level);

  // Mean of similar sections: same level and location type, over the sections in scope.
  // Computed once per group, not once per section: thousands of sections must stay linear.
  const peerGroups = new Map<string, typeof evaluated>();
  for (const e of evaluated) {
    if (e.scope !== null) continue;
    const key = `${e.s.section}/${e.s.locationType}`;
    const group = peerGroups.get(key);
    if (group) group.push(e);
    else peerGroups.set(key, [e]);
  }
  const similarCache = new Map<string, number | null>();
  const similarMean = (level: Section, type: LocationType, id: QualityIndicator) => {
    const key = `${level}/${type}/${id}`;
    if (!similarCache.has(key)) {
      const peers = peerGroups.get(`${level}/${type}`) ?? [];
      similarCache.set(key, peers.length ? weightedStats(peers.map((e) => ({ weight: e.s.inputs.students, value: e.quality[id] }))).mean : null);
    }
    return similarCache.get(key)!;
  };

  const floors = fundingFloors(
    input.sections.map((s) => ({ schoolId: s.schoolId, students: s.inputs.students, fundingPerStudent: s.inputs.public_funding_per_student, requiredPerStudent: requiredFunding(s, input.district) })),
  );
  const schoolStudents = new Map<string, number>();
  for (const s of input.sections) schoolStudents.set(s.schoolId, (schoolStudents.get(s.schoolId) ?? 0) + s.inputs.students);

  const sections = evaluated.map(({ s, checks, verdict, scope, basic }): PublishedSection => {
    const { school_id: _school, section: _section, ...inputs } = s.inputs;
    const required = requiredFunding(s, input.district);
    const floor = floors.get(s.schoolId) ?? null;
    return {
      id: s.id,
      school_id: s.schoolId,
      name: s.name,
      section: s.section,
      township: s.township,
      location_type: s.locationType,
      nine_year: s.nineYear,
      in_scope: scope === null,
      scope_reason: scope,
      inputs,
      quality: Object.fromEntries(
        QUALITY_INDICATORS.map((id) => {
          const d = QUALITY_INFO[id].decimals;
          return [id, {
            value: roundToSide(checks[id].value, d, (v) => v >= checks[id].standard),
            standard: checks[id].standard,
            met: checks[id].met,
            percent_of_standard: roundToSide(checks[id].ratio * 100, PERCENT_DECIMALS, (v) => v >= 100),
            district_mean: levels[s.section] ? round(levels[s.section]!.quality[id].mean, d) : null,
            similar_mean: r(similarMean(s.section, s.locationType, id), d),
          }];
        }),
      ) as PublishedSection["quality"],
      standards_met: verdict.metCount,
      result: scope !== null ? "out_of_scope" : verdict.passes ? "pass" : "fail",
      basic: Object.fromEntries(BASIC_INDICATORS.map((id) => [id, round(basic[id], BASIC_INFO[id].decimals)])) as PublishedSection["basic"],
      multimedia_percent: roundToSide(multimediaShare(s.inputs) * 100, PERCENT_DECIMALS, (v) => v >= MULTIMEDIA_TARGET * 100),
      class_size_ok: s.inputs.largest_class <= CLASS_SIZE_MAX[s.section],
      funding_required: required,
      school_students: schoolStudents.get(s.schoolId)!,
      funding_floor_received: floor ? round(floor.received, 0) : null,
      funding_floor_required: floor ? round(floor.required, 0) : null,
      funding_floor_ok: floor ? floor.ok : null,
      funding_ok: s.inputs.public_funding_per_student >= required && floor?.ok !== false,
    };
  });

  const targets = evaluateTargets(input.sections, input.district).map((t) => ({
    ...t,
    value: t.kind === "share" && t.value !== null ? roundToSide(t.value * 100, PERCENT_DECIMALS, (v) => v >= t.target * 100) : t.value,
    target: t.kind === "share" ? round(t.target * 100, PERCENT_DECIMALS) : t.target,
  }));

  const resource_verdict = districtVerdict(
    Object.fromEntries(SECTIONS.map((l) => [l, levels[l]?.verdict ?? null])) as Record<Section, ReturnType<typeof levelVerdict> | null>,
  );
  return { year: input.year, resource_verdict, sections, levels, targets, district_inputs: input.district };
}
export type YearReport = ReturnType<typeof buildYear>;
/** One section's published result: the schema in published-result.ts, which buildYear must satisfy. */
export type SectionReport = PublishedSection;
export type LevelReport = NonNullable<YearReport["levels"][Section]>;

/** Builds every year's results in order; changes compare with the year before. */
export function buildBalanceReport(years: readonly YearInput[]): YearReport[] {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const out: YearReport[] = [];
  for (const y of sorted) out.push(buildYear(y, out.at(-1)?.year === y.year - 1 ? out.at(-1) : undefined));
  return out;
}
