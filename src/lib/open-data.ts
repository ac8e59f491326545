/**
 * The open-data downloads (/data/*): for every year the inputs and the computed results as
 * CSV (UTF-8 with BOM, so Excel opens Chinese text correctly) and JSON, the column
 * dictionary, and a Frictionless Data Package descriptor (`datapackage.json`) listing every
 * file with its SHA-256. The files are rendered from the same report the pages use.
 */
import { stringify } from "csv-stringify/sync";
import { SCOPE_REASON_LABELS } from "../domain/balance/evaluate-section";
import { BASIC_INDICATORS, BASIC_INFO, QUALITY_INDICATORS, QUALITY_INFO } from "../domain/balance/indicators";
import { SECTION_YEAR_COLUMNS } from "../domain/balance/inputs";
import { type YearReport } from "../domain/balance/report";
import { SECTIONS } from "../domain/district/vocabulary";
import type { Balance } from "./balance";
import type { District } from "../content-data/district";

type Field = { name: string; type: "string" | "integer" | "number" | "boolean"; description: string };
export type OpenDataFile = {
  name: string;
  title: string;
  format: "csv" | "json";
  mediaType: string;
  text: string;
  /** Table schema of a CSV resource (Frictionless). */
  fields?: Field[];
};

const csv = (fields: Field[], rows: Record<string, unknown>[]) =>
  stringify(rows, { header: true, bom: true, columns: fields.map((f) => f.name), cast: { boolean: (b) => (b ? "true" : "false") } });

const RESULT_FIELDS: Field[] = [
  { name: "id", type: "string", description: "学段 id（学校 id-学段）" },
  { name: "school_id", type: "string", description: "学校 id" },
  { name: "name", type: "string", description: "学校名称" },
  { name: "section", type: "string", description: "学段：primary 小学，junior 初中" },
  { name: "township", type: "string", description: "乡镇（街道）id" },
  { name: "location_type", type: "string", description: "城乡类型：urban 城区，town 镇区，rural 乡村" },
  { name: "in_scope", type: "boolean", description: "是否纳入资源配置差异系数计算" },
  { name: "scope_reason", type: "string", description: "未纳入的原因" },
  ...QUALITY_INDICATORS.flatMap((i): Field[] => [
    { name: `${i}_value`, type: "number", description: `${i} ${QUALITY_INFO[i].name}（${QUALITY_INFO[i].unit}），保留 ${QUALITY_INFO[i].decimals} 位小数` },
    { name: `${i}_standard`, type: "number", description: `${i} 的标准` },
    { name: `${i}_met`, type: "boolean", description: `${i} 是否达到标准` },
    { name: `${i}_district_mean`, type: "number", description: `${i} 全区同学段加权均值` },
    { name: `${i}_similar_mean`, type: "number", description: `${i} 同类学校（同学段、同城乡类型）加权均值` },
  ]),
  { name: "standards_met", type: "integer", description: "达到标准的指标数（共 7 项）" },
  { name: "result", type: "string", description: "评估结果：pass 达到优质均衡标准，fail 未达标准，out_of_scope 不参与评估" },
  ...BASIC_INDICATORS.map((b): Field => ({ name: b, type: "number", description: `${b} ${BASIC_INFO[b].name}（2012 年方法）` })),
  { name: "multimedia_percent", type: "number", description: "网络多媒体教室数占教学班数的百分比" },
  { name: "class_size_ok", type: "boolean", description: "最大班额是否不超过小学 45 人、初中 50 人" },
  { name: "funding_required", type: "number", description: "应达到的生均公用经费（元）" },
  { name: "funding_ok", type: "boolean", description: "生均公用经费是否达到要求" },
];

const DISTRICT_FIELDS: Field[] = [
  { name: "level", type: "string", description: "学段：primary 小学，junior 初中" },
  { name: "method", type: "string", description: "2017 优质均衡或 2012 基本均衡" },
  { name: "indicator", type: "string", description: "指标 id" },
  { name: "indicator_name", type: "string", description: "指标名称" },
  { name: "sections", type: "integer", description: "纳入计算的学段数" },
  { name: "mean", type: "number", description: "按在校生数加权的均值 X̄" },
  { name: "sd", type: "number", description: "加权总体标准差 S" },
  { name: "cv", type: "number", description: "差异系数 CV = S / X̄，保留 3 位小数" },
  { name: "threshold", type: "number", description: "差异系数上限（2012 年方法为综合差异系数的上限）" },
  { name: "pass", type: "boolean", description: "是否不超过上限（2012 年方法的单项不单独判定，留空）" },
  { name: "urban_rural_ratio", type: "number", description: "城区均值 ÷ 农村均值" },
];

const INPUT_FIELDS: Field[] = [
  { name: "year", type: "integer", description: "统计年份（学年开始的年份）" },
  ...SECTION_YEAR_COLUMNS.map((c): Field => ({ name: c.name, type: c.type, description: c.unit ? `${c.label}（${c.unit}）` : c.label })),
];

function resultRows(report: YearReport) {
  return report.sections.map((s) => ({
    id: s.id, school_id: s.school_id, name: s.name, section: s.section, township: s.township, location_type: s.location_type,
    in_scope: s.in_scope, scope_reason: s.scope_reason ? SCOPE_REASON_LABELS[s.scope_reason] : "",
    ...Object.fromEntries(QUALITY_INDICATORS.flatMap((i) => {
      const q = s.quality[i];
      return [[`${i}_value`, q.value], [`${i}_standard`, q.standard], [`${i}_met`, q.met], [`${i}_district_mean`, q.district_mean ?? ""], [`${i}_similar_mean`, q.similar_mean ?? ""]];
    })),
    standards_met: s.standards_met, result: s.result,
    ...s.basic,
    multimedia_percent: s.multimedia_percent ?? "", class_size_ok: s.class_size_ok, funding_required: s.funding_required, funding_ok: s.funding_ok,
  }));
}

function districtRows(report: YearReport) {
  return SECTIONS.flatMap((level) => {
    const L = report.levels[level];
    if (!L) return [];
    const n = L.sections_in_scope.length;
    return [
      ...QUALITY_INDICATORS.map((i) => ({ level, method: "2017", indicator: i, indicator_name: QUALITY_INFO[i].name, sections: n, mean: L.quality[i].mean, sd: L.quality[i].sd, cv: L.quality[i].cv ?? "", threshold: L.quality[i].threshold, pass: L.quality[i].pass, urban_rural_ratio: L.quality[i].urban_rural_ratio ?? "" })),
      ...BASIC_INDICATORS.map((b) => ({ level, method: "2012", indicator: b, indicator_name: BASIC_INFO[b].name, sections: n, mean: L.basic[b].mean, sd: L.basic[b].sd, cv: L.basic[b].cv ?? "", threshold: "", pass: "", urban_rural_ratio: "" })),
      { level, method: "2012", indicator: "composite", indicator_name: "综合差异系数（8 项平均）", sections: n, mean: "", sd: "", cv: L.basic_composite.cv ?? "", threshold: L.basic_composite.threshold, pass: L.basic_composite.pass, urban_rural_ratio: "" },
    ];
  });
}

/** The JSON of one year: the published report with what a reader needs to interpret it. */
export function yearJson(report: YearReport, district: District): string {
  return `${JSON.stringify({ demo: district.site.district.demo, district: district.site.district.name, method: "教督〔2017〕6号（优质均衡）；教督〔2012〕3号（基本均衡，对比）", rounding: "计算不取整，仅在发布时按字段说明保留小数", ...report }, null, 2)}\n`;
}

/** Every column of every CSV download, for columns.csv and the /data page. */
export function columnDictionary(): { file: string; column: string; type: string; description: string }[] {
  return [
    ...INPUT_FIELDS.map((f) => ({ file: "inputs-<年份>.csv", column: f.name, type: f.type, description: f.description })),
    ...RESULT_FIELDS.map((f) => ({ file: "results-<年份>.csv", column: f.name, type: f.type, description: f.description })),
    ...DISTRICT_FIELDS.map((f) => ({ file: "district-<年份>.csv", column: f.name, type: f.type, description: f.description })),
  ];
}

export function openDataFiles(balance: Balance, district: District): OpenDataFile[] {
  const files: OpenDataFile[] = [];
  for (const [i, report] of balance.years.entries()) {
    const y = report.year;
    const input = balance.inputs[i]!;
    files.push(
      { name: `balance-${y}.json`, title: `${y} 年全部结果（学段、全区、政策目标）`, format: "json", mediaType: "application/json", text: yearJson(report, district) },
      { name: `results-${y}.csv`, title: `${y} 年各学段评估结果`, format: "csv", mediaType: "text/csv", fields: RESULT_FIELDS, text: csv(RESULT_FIELDS, resultRows(report)) },
      { name: `district-${y}.csv`, title: `${y} 年全区各指标差异系数`, format: "csv", mediaType: "text/csv", fields: DISTRICT_FIELDS, text: csv(DISTRICT_FIELDS, districtRows(report)) },
      { name: `inputs-${y}.csv`, title: `${y} 年各学段原始数据`, format: "csv", mediaType: "text/csv", fields: INPUT_FIELDS, text: csv(INPUT_FIELDS, input.sections.map((s) => ({ year: y, ...s.inputs }))) },
    );
  }
  const dictionary: Field[] = [
    { name: "file", type: "string", description: "文件" },
    { name: "column", type: "string", description: "列名" },
    { name: "type", type: "string", description: "类型" },
    { name: "description", type: "string", description: "说明" },
  ];
  files.push({ name: "columns.csv", title: "字段说明（数据字典）", format: "csv", mediaType: "text/csv", fields: dictionary, text: csv(dictionary, columnDictionary()) });
  return files;
}

export type Checksum = { bytes: number; hash: string };
export type PublishedFile = OpenDataFile & Checksum;

/** Size in bytes and SHA-256 (hex) of a text's UTF-8, from one encoding of it. */
export async function checksum(text: string): Promise<Checksum> {
  const data = new TextEncoder().encode(text);
  const digest = await crypto.subtle.digest("SHA-256", data);
  return { bytes: data.length, hash: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("") };
}

export async function sha256(text: string): Promise<string> {
  return (await checksum(text)).hash;
}

/** The files with their sizes and hashes, as /data/ lists them and datapackage.json declares them. */
export const withChecksums = (files: OpenDataFile[]): Promise<PublishedFile[]> => Promise.all(files.map(async (f) => ({ ...f, ...(await checksum(f.text)) })));

/** The Frictionless Data Package descriptor for the files above, with their hashes and sizes. */
export function dataPackage(files: PublishedFile[], district: District, origin: string): string {
  const resources = files.map((f) => ({
    name: f.name.replace(/\.(csv|json)$/, "").replace(/[^a-z0-9._-]/g, "-"),
    path: f.name,
    title: f.title,
    format: f.format,
    mediatype: f.mediaType,
    encoding: "utf-8",
    bytes: f.bytes,
    hash: `sha256:${f.hash}`,
    ...(f.fields ? { schema: { fields: f.fields.map((x) => ({ name: x.name, type: x.type, description: x.description })) } } : {}),
  }));
  const d = district.site.district;
  return `${JSON.stringify({
    name: "balance-scorecards",
    title: `${d.city}${d.name}义务教育均衡发展评估数据${d.demo ? "（演示数据，虚构）" : ""}`,
    description: `按教督〔2017〕6号计算的各学段资源配置指标、校际差异系数和政策目标。${d.demo ? "全部为虚构的演示数据。" : ""}`,
    homepage: `${origin}/data/`,
    licenses: [{ name: "CC-BY-4.0", title: "Creative Commons Attribution 4.0", path: "https://creativecommons.org/licenses/by/4.0/" }],
    resources,
  }, null, 2)}\n`;
}

