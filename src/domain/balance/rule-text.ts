/**
 * The balance rules and vocabularies in words, built from the constants that decide them.
 * Pages and the open-data dictionary state the pass rule, the class-size limits and the like
 * in Chinese; numbers written by hand beside the constants could drift from them, so every
 * sentence that states a rule is assembled here and a changed constant changes the prose.
 * Each function takes the constants as an optional argument only so that a test can show
 * the words follow them.
 */
import { SECTIONS, SECTION_LABELS, type Section } from "../district/vocabulary";
import {
  BASIC_INFO,
  QUALITY_COUNT,
  QUALITY_INFO,
  QUALITY_MIN_MET,
  QUALITY_NEAR_MISS_RATIO,
  TEACHING_POINT_MIN_STUDENTS,
} from "./indicators";
import { CLASS_SIZE_MAX } from "./local-practice";

const NUMERALS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
/** A small count in Chinese numerals, as headings write it (七项, 八项); up to ten. */
export function chineseCount(n: number): string {
  const numeral = NUMERALS[n];
  if (numeral === undefined) throw new RangeError(`no Chinese numeral for ${n}`);
  return numeral;
}

/** A fraction as a whole percentage, e.g. 0.85 → "85%". */
export const wholePercent = (x: number) => `${(x * 100).toFixed(0)}%`;

/** The section pass rule of the 2017 method (DOMAIN.md §2.2). */
export type PassRule = { indicators: number; minMet: number; nearMissRatio: number };
export const PASS_RULE: PassRule = { indicators: QUALITY_COUNT, minMet: QUALITY_MIN_MET, nearMissRatio: QUALITY_NEAR_MISS_RATIO };

/** The wording a page uses around the rule's numbers; the numbers themselves are not negotiable. */
export type PassRuleWording = {
  /** What the indicators are called after "7 项", e.g. "资源配置指标" or "指标". */
  indicators: string;
  /** How meeting a standard is said, "达标" or "达到标准". */
  met: string;
  /** A joining word before the near-miss clause, "" or "且". */
  and?: string;
};

/** "7 项资源配置指标中至少 6 项达标，其余 1 项不低于标准的 85%", in the wording a page asks for. */
export function passRuleText(wording: PassRuleWording, rule: PassRule = PASS_RULE): string {
  const rest = rule.indicators - rule.minMet;
  return `${rule.indicators}项${wording.indicators}中至少${rule.minMet}项${wording.met}，${wording.and ?? ""}其余${rest}项不低于标准的${wholePercent(rule.nearMissRatio)}`;
}

/** "小学 45 人、初中 50 人": the largest class allowed at each level. */
export function classSizeLimits(max: Record<Section, number> = CLASS_SIZE_MAX): string {
  return SECTIONS.map((s) => `${SECTION_LABELS[s]}${max[s]}人`).join("、");
}

/** "10 万元": an amount of 元 in 万元, as the policy writes subsidies. */
export const inWan = (yuan: number) => `${yuan / 10_000}万元`;

/** "学生不足 50 人的教学点": the teaching points left out of the between-school CV. */
export function smallTeachingPoint(minStudents: number = TEACHING_POINT_MIN_STUDENTS): string {
  return `学生不足${minStudents}人的教学点`;
}

/** "类别：primary小学，junior初中": a vocabulary's codes with their labels, as the column dictionary lists them. */
export function codesWithLabels<C extends string>(title: string, codes: readonly C[], labels: Record<C, string>): string {
  return `${title}：${codes.map((c) => `${c}${labels[c]}`).join("，")}`;
}

/** "A 和 B" for two items, "A、B、C" for more, as Chinese lists are written. */
const list = (items: readonly string[]) => (items.length === 2 ? items.join("和") : items.join("、"));

type DecimalsInfo = { decimals: number; unit: string };
const ALL_INDICATORS: Record<string, DecimalsInfo> = { ...QUALITY_INFO, ...BASIC_INFO };

/**
 * "R6和B3（元）取整数，B6、B7、B8保留4位小数，其余保留2位小数": each indicator's
 * published decimals, the most common count said once as "其余".
 */
export function indicatorDecimalsText(info: Record<string, DecimalsInfo> = ALL_INDICATORS): string {
  const groups = new Map<number, string[]>();
  for (const [id, { decimals }] of Object.entries(info)) groups.set(decimals, [...(groups.get(decimals) ?? []), id]);
  const [usual] = [...groups.entries()].reduce((a, b) => (b[1].length > a[1].length ? b : a));
  const parts = [...groups.entries()]
    .filter(([d]) => d !== usual)
    .map(([d, ids]) => {
      if (d > 0) return `${list(ids)}保留${d}位小数`;
      const units = new Set(ids.map((id) => info[id]!.unit));
      const [unit] = units;
      return `${list(ids)}${units.size === 1 && unit ? `（${unit}）` : ""}取整数`;
    });
  return [...parts, `其余保留${usual}位小数`].join("，");
}
