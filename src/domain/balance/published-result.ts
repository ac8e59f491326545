/**
 * The published result of one school section in one year: the scorecard row, declared once
 * as a zod schema with a description on every field. `buildYear` returns rows of this type
 * (its JSON is the `sections` of balance-<year>.json), and results-<year>.csv, its table
 * schema in datapackage.json and the column dictionary on /data/ are derived from it (see
 * src/lib/csv-table.ts), so a field added here reaches the pages, the JSON and the CSV
 * together. Field order is publication order: the CSV columns and the JSON keys follow it.
 */
import { z } from "../zod";
import { LOCATION_TYPES, LOCATION_TYPE_LABELS, SECTIONS, SECTION_LABELS } from "../district/vocabulary";
import { SCOPE_REASONS, SCOPE_REASON_LABELS } from "./evaluate-section";
import { BASIC_INDICATORS, BASIC_INFO, CV_DECIMALS, PERCENT_DECIMALS, QUALITY_COUNT, QUALITY_INDICATORS, QUALITY_INFO } from "./indicators";
import { columnDescription, SECTION_YEAR_COLUMNS } from "./inputs";
import { classSizeLimits, codesWithLabels } from "./rule-text";
import { FUNDED_AS_STUDENTS } from "./local-practice";

export const SECTION_RESULTS = ["pass", "fail", "out_of_scope"] as const;
export type SectionResult = (typeof SECTION_RESULTS)[number];
export const SECTION_RESULT_LABELS: Record<SectionResult, string> = {
  pass: "达到优质均衡标准",
  fail: "未达标准",
  out_of_scope: "不参与评估",
};

/**
 * What the CSV does with a field besides writing it under its description: `omit` leaves it
 * out (the CSV is one flat row; nested inputs live in inputs-<year>.csv), `labels` writes a
 * code's Chinese label instead of the code.
 */
export type PublishedFieldMeta = { description: string; csv?: "omit"; labels?: Record<string, string> };
const documented = <S extends z.ZodType>(schema: S, meta: PublishedFieldMeta) => schema.meta(meta);
const notInCsv = <S extends z.ZodType>(schema: S, description: string) => documented(schema, { description, csv: "omit" });

/** One field per id of a vocabulary, in the vocabulary's order (Object.fromEntries loses the keys' type). */
function perId<const K extends string, S extends z.ZodType>(ids: readonly K[], field: (id: K) => S) {
  return z.strictObject(Object.fromEntries(ids.map((id) => [id, field(id)])) as { [P in K]: S });
}

type NumericColumn = Exclude<(typeof SECTION_YEAR_COLUMNS)[number], { type: "string" }>;
const numericColumns = SECTION_YEAR_COLUMNS.filter((c): c is NumericColumn => c.type !== "string");

/** A section's raw inputs as published: the yearly CSV's numeric columns, parsed. */
export const PublishedInputs = z.strictObject(
  Object.fromEntries(
    numericColumns.map((c) => [c.name, (c.type === "integer" ? z.number().int() : z.number()).describe(columnDescription(c))]),
  ) as { [C in NumericColumn as C["name"]]: z.ZodNumber },
);

/** One 2017 indicator of one section against its standard and its peers. */
const qualityResult = (i: (typeof QUALITY_INDICATORS)[number]) => {
  const info = QUALITY_INFO[i];
  return z
    .strictObject({
      value: z.number().describe(`${i}${info.name}（${info.unit}），保留${info.decimals}位小数（取整后会落到标准另一侧时多保留几位）`),
      standard: z.number().describe(`${i}的标准`),
      met: z.boolean().describe(`${i}是否达到标准`),
      percent_of_standard: notInCsv(z.number(), `${i}的数值占标准的百分比，保留${PERCENT_DECIMALS}位小数（取整后会落到100的另一侧时多保留几位）`),
      district_mean: z.number().nullable().describe(`${i}全区同类别（小学或初中）加权均值`),
      similar_mean: z.number().nullable().describe(`${i}同类学校（同为小学或初中、同城乡类型）加权均值`),
    })
    .describe(`${i}${info.name}`);
};

export const PublishedSection = z.strictObject({
  id: z.string().describe("评估对象id（学校id-primary或学校id-junior，九年一贯制学校的小学部和初中部各一个）"),
  school_id: z.string().describe("学校id"),
  name: z.string().describe("学校名称"),
  section: z.enum(SECTIONS).describe(codesWithLabels("类别", SECTIONS, SECTION_LABELS)),
  township: z.string().describe("乡镇（街道）id"),
  location_type: z.enum(LOCATION_TYPES).describe(codesWithLabels("城乡类型", LOCATION_TYPES, LOCATION_TYPE_LABELS)),
  nine_year: notInCsv(z.boolean(), "是否为九年一贯制学校的小学部或初中部"),
  in_scope: z.boolean().describe("是否纳入资源配置差异系数计算"),
  scope_reason: documented(z.enum(SCOPE_REASONS).nullable(), { description: "未纳入的原因", labels: SCOPE_REASON_LABELS }),
  inputs: notInCsv(PublishedInputs, "本校（九年一贯制学校为小学部或初中部）上报的原始数据（与inputs-<年份>.csv的列相同，不含school_id和section）"),
  quality: perId(QUALITY_INDICATORS, qualityResult).describe(`2017年优质均衡办法的${QUALITY_COUNT}项资源配置指标`),
  standards_met: z.number().int().describe(`达到标准的指标数（共${QUALITY_COUNT}项）`),
  result: z.enum(SECTION_RESULTS).describe(codesWithLabels("评估结果", SECTION_RESULTS, SECTION_RESULT_LABELS)),
  basic: perId(BASIC_INDICATORS, (b) => z.number().describe(`${b}${BASIC_INFO[b].name}（2012年方法）`)).describe("2012年基本均衡办法的指标值"),
  multimedia_percent: z.number().nullable().describe("有网络多媒体教室的班级占教学班数的百分比（教室多于班级时按100%计）"),
  class_size_ok: z.boolean().describe(`最大班额是否不超过${classSizeLimits()}`),
  funding_required: z.number().describe("应达到的生均公用经费（元）"),
  school_students: z.number().int().describe("全校在校生数（九年一贯制学校为小学部和初中部合计）"),
  funding_floor_received: z.number().nullable().describe(`全校实际拨付的公用经费总额（元，生均公用经费 × 在校生数）；全校在校生不少于${FUNDED_AS_STUDENTS}人时为空`),
  funding_floor_required: z.number().nullable().describe(`按${FUNDED_AS_STUDENTS}名学生核定的公用经费（元）；全校在校生不少于${FUNDED_AS_STUDENTS}人时为空`),
  funding_floor_ok: z.boolean().nullable().describe(`不足${FUNDED_AS_STUDENTS}名学生的学校是否按${FUNDED_AS_STUDENTS}名学生拨付公用经费；不适用时为空`),
  funding_ok: z.boolean().describe(`生均公用经费是否达到要求（不足${FUNDED_AS_STUDENTS}名学生的学校还须按${FUNDED_AS_STUDENTS}名学生拨付）`),
});
export type PublishedSection = z.output<typeof PublishedSection>;

export const DISTRICT_METHODS = ["2017", "2012"] as const;

/**
 * One row of district-<year>.csv: one indicator's spread across the in-scope sections of one
 * level, or the 2012 composite. Declared here like the scorecard row, so the CSV header, its
 * table schema in datapackage.json and the column dictionary come from one place. The
 * unweighted CV is information beside the verdict (issue 17 item 6): the student weighting
 * is this site's reading of the 2012 说明 (see /methodology/#readings), and where the two
 * fall on different sides of the ceiling the reader can see it.
 */
export const PublishedDistrictRow = z.strictObject({
  level: z.enum(SECTIONS).describe(codesWithLabels("类别", SECTIONS, SECTION_LABELS)),
  method: z.enum(DISTRICT_METHODS).describe("2017优质均衡或2012基本均衡"),
  indicator: z.string().describe("指标id；composite为2012年方法的综合差异系数"),
  indicator_name: z.string().describe("指标名称"),
  sections: z.number().int().describe("纳入计算的学校数（九年一贯制学校的小学部、初中部各计一所）"),
  mean: z.number().nullable().describe("按在校生数加权的均值X̄"),
  sd: z.number().nullable().describe("加权总体标准差S"),
  cv: z.number().nullable().describe(`差异系数CV = S / X̄（按在校生数加权，本站据以判定），保留${CV_DECIMALS}位小数`),
  unweighted_cv: z
    .number()
    .nullable()
    .describe(`不加权的总体差异系数（每所学校计一次），保留${CV_DECIMALS}位小数，仅供参考；仅2017年方法的单项有值`),
  weighting_changes_verdict: z.boolean().nullable().describe("不加权时结论是否不同（一个在上限以内、一个超过）；仅2017年方法的单项有值"),
  threshold: z.number().nullable().describe("差异系数上限（2012年方法为综合差异系数的上限）"),
  pass: z.boolean().nullable().describe("是否不超过上限（2012年方法的单项不单独判定，留空）"),
  urban_rural_ratio: z.number().nullable().describe("城区均值 ÷ 农村均值"),
});
export type PublishedDistrictRow = z.output<typeof PublishedDistrictRow>;
