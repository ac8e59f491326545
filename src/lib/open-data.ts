/**
 * The open-data downloads (/data/*): for every year the inputs and the computed results as
 * CSV and JSON, the column dictionary, and a Frictionless Data Package descriptor
 * (`datapackage.json`) listing every resource with its SHA-256. The CSV resources are plain
 * UTF-8 without a byte-order mark: Frictionless tools read a BOM as part of the first header.
 * Each CSV also has an Excel copy (`<name>-excel.csv`, UTF-8 with BOM, so Excel opens the
 * Chinese text correctly), listed on /data/ but not a resource of the package, since it is the
 * same table. The files are rendered from the same report the pages use.
 */
import { stringify } from "csv-stringify/sync";
import { BASIC_COUNT, BASIC_INDICATORS, BASIC_INFO, QUALITY_INDICATORS, QUALITY_INFO, TEACHING_POINT_MIN_STUDENTS } from "../domain/balance/indicators";
import { columnDescription, SECTION_YEAR_COLUMNS } from "../domain/balance/inputs";
import { PublishedDistrictRow, PublishedSection } from "../domain/balance/published-result";
import { type YearReport } from "../domain/balance/report";
import { codesWithLabels } from "../domain/balance/rule-text";
import { LOCATION_TYPES, LOCATION_TYPE_LABELS, SECTIONS } from "../domain/district/vocabulary";
import type { Balance } from "./balance";
import type { District } from "../content-data/district";
import { csvTable, type TableField } from "./csv-table";

export type OpenDataFile = {
  name: string;
  title: string;
  format: "csv" | "json";
  mediaType: string;
  text: string;
  /** Table schema of a CSV resource (Frictionless). */
  fields?: TableField[];
  /** The Excel copy of the CSV named here (with a BOM): a download, not a package resource. */
  excelCopyOf?: string;
};

const csv = (fields: TableField[], rows: Record<string, unknown>[]) =>
  stringify(rows, { header: true, bom: false, columns: fields.map((f) => f.name), cast: { boolean: (b) => (b ? "true" : "false") } });

/** results-<year>.csv: the year, then the published scorecard row laid flat. */
const RESULTS_TABLE = csvTable(PublishedSection);
const YEAR_FIELD: TableField = { name: "year", type: "integer", description: "统计年份（学年开始的年份）" };
const RESULTS = {
  fields: [YEAR_FIELD, ...RESULTS_TABLE.fields],
  row: (year: number) => (s: Parameters<typeof RESULTS_TABLE.row>[0]) => ({ year, ...RESULTS_TABLE.row(s) }),
};

/** schools.csv: the registry with every flag that decides a section's scope, so the scope can be recomputed. */
const SCHOOL_FIELDS: TableField[] = [
  { name: "id", type: "string", description: "学校id（各年数据文件中的school_id）" },
  { name: "name", type: "string", description: "学校名称" },
  { name: "sections", type: "string", description: "类别：primary小学，junior初中，primary+junior九年一贯制（小学部和初中部分别评估）" },
  { name: "township", type: "string", description: "乡镇（街道）id" },
  { name: "township_name", type: "string", description: "乡镇（街道）名称" },
  { name: "location_type", type: "string", description: codesWithLabels("城乡类型", LOCATION_TYPES, LOCATION_TYPE_LABELS) },
  { name: "teaching_point", type: "boolean", description: `是否为教学点（学生不足${TEACHING_POINT_MIN_STUDENTS}人的教学点不纳入差异系数计算）` },
  { name: "special_education", type: "boolean", description: "是否为特殊教育学校（不纳入差异系数计算）" },
  { name: "campus_group", type: "string", description: "“一校两区”学校组id；不属于任何组时为空" },
  { name: "address", type: "string", description: "学校地址" },
  { name: "phone", type: "string", description: "学校电话（演示数据中为虚构号码）" },
];

/** district-<year>.csv: one row per level, method and indicator (src/domain/balance/published-result.ts). */
const DISTRICT_TABLE = csvTable(PublishedDistrictRow);
const DISTRICT_FIELDS = DISTRICT_TABLE.fields;

const INPUT_FIELDS: TableField[] = [
  { name: "year", type: "integer", description: "统计年份（学年开始的年份）" },
  ...SECTION_YEAR_COLUMNS.map((c): TableField => ({ name: c.name, type: c.type, description: columnDescription(c) })),
];

function districtRows(report: YearReport): Record<string, unknown>[] {
  return SECTIONS.flatMap((level): PublishedDistrictRow[] => {
    const L = report.levels[level];
    if (!L) return [];
    const n = L.sections_in_scope.length;
    const none = { unweighted_cv: null, weighting_changes_verdict: null, urban_rural_ratio: null };
    return [
      ...QUALITY_INDICATORS.map((i) => {
        const q = L.quality[i];
        return { level, method: "2017" as const, indicator: i, indicator_name: QUALITY_INFO[i].name, sections: n, mean: q.mean, sd: q.sd, cv: q.cv, unweighted_cv: q.unweighted_cv, weighting_changes_verdict: q.weighting_changes_verdict, threshold: q.threshold, pass: q.pass, urban_rural_ratio: q.urban_rural_ratio };
      }),
      ...BASIC_INDICATORS.map((b) => ({ level, method: "2012" as const, indicator: b, indicator_name: BASIC_INFO[b].name, sections: n, mean: L.basic[b].mean, sd: L.basic[b].sd, cv: L.basic[b].cv, threshold: null, pass: null, ...none })),
      { level, method: "2012" as const, indicator: "composite", indicator_name: `综合差异系数（${BASIC_COUNT}项平均）`, sections: n, mean: null, sd: null, cv: L.basic_composite.cv, threshold: L.basic_composite.threshold, pass: L.basic_composite.pass, ...none },
    ].map((row) => PublishedDistrictRow.parse(row));
  }).map(DISTRICT_TABLE.row);
}

/** The JSON of one year: the published report with what a reader needs to interpret it. */
export function yearJson(report: YearReport, district: District): string {
  return `${JSON.stringify({ demo: district.site.district.demo, district: district.site.district.name, method: "教督〔2017〕6号（优质均衡）；教督〔2012〕3号（基本均衡，对比）", rounding: "计算不取整，仅在发布时按字段说明保留小数", ...report }, null, 2)}\n`;
}

/** Every column of every CSV download, for columns.csv and the /data page. */
export function columnDictionary(): { file: string; column: string; type: string; description: string }[] {
  return [
    ...INPUT_FIELDS.map((f) => ({ file: "inputs-<年份>.csv", column: f.name, type: f.type, description: f.description })),
    ...RESULTS.fields.map((f) => ({ file: "results-<年份>.csv", column: f.name, type: f.type, description: f.description })),
    ...DISTRICT_FIELDS.map((f) => ({ file: "district-<年份>.csv", column: f.name, type: f.type, description: f.description })),
    ...SCHOOL_FIELDS.map((f) => ({ file: "schools.csv", column: f.name, type: f.type, description: f.description })),
  ];
}

export function openDataFiles(balance: Balance, district: District): OpenDataFile[] {
  const files: OpenDataFile[] = [];
  for (const [i, report] of balance.years.entries()) {
    const y = report.year;
    const input = balance.inputs[i]!;
    files.push(
      { name: `balance-${y}.json`, title: `${y}年全部结果（各校、全区、政策目标）`, format: "json", mediaType: "application/json", text: yearJson(report, district) },
      { name: `results-${y}.csv`, title: `${y}年各校评估结果`, format: "csv", mediaType: "text/csv", fields: RESULTS.fields, text: csv(RESULTS.fields, report.sections.map(RESULTS.row(y))) },
      { name: `district-${y}.csv`, title: `${y}年全区各指标差异系数`, format: "csv", mediaType: "text/csv", fields: DISTRICT_FIELDS, text: csv(DISTRICT_FIELDS, districtRows(report)) },
      { name: `inputs-${y}.csv`, title: `${y}年各校原始数据`, format: "csv", mediaType: "text/csv", fields: INPUT_FIELDS, text: csv(INPUT_FIELDS, input.sections.map((s) => ({ year: y, ...s.inputs }))) },
    );
  }
  const dictionary: TableField[] = [
    { name: "file", type: "string", description: "文件" },
    { name: "column", type: "string", description: "列名" },
    { name: "type", type: "string", description: "类型" },
    { name: "description", type: "string", description: "说明" },
  ];
  const townships = new Map(district.site.areas.map((a) => [a.id, a.name]));
  const registry = district.schools.map((s) => ({ ...s, township_name: townships.get(s.township) ?? "", campus_group: s.campus_group ?? "" }));
  files.push({ name: "schools.csv", title: "学校名册（小学或初中、城乡类型、乡镇、教学点、特殊教育、“一校两区”）", format: "csv", mediaType: "text/csv", fields: SCHOOL_FIELDS, text: csv(SCHOOL_FIELDS, registry) });
  files.push({ name: "columns.csv", title: "字段说明（数据字典）", format: "csv", mediaType: "text/csv", fields: dictionary, text: csv(dictionary, columnDictionary()) });
  return files.flatMap((f) => (f.format === "csv" ? [f, excelCopy(f)] : [f]));
}

/** The name of a CSV's Excel copy: results-2025.csv → results-2025-excel.csv. */
export const excelName = (name: string) => name.replace(/\.csv$/, "-excel.csv");

/** The same table with a UTF-8 byte-order mark, which Excel needs to read Chinese text. */
function excelCopy(f: OpenDataFile): OpenDataFile {
  return { name: excelName(f.name), title: `${f.title}（Excel版，带BOM）`, format: "csv", mediaType: "text/csv", text: `\uFEFF${f.text}`, excelCopyOf: f.name };
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
export function dataPackage(files: PublishedFile[], district: District): string {
  const open = district.site.open_data;
  const resources = files.filter((f) => !f.excelCopyOf).map((f) => ({
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
    description: `按教督〔2017〕6号计算的各校资源配置指标、校际差异系数和政策目标。${d.demo ? "全部为虚构的演示数据。" : ""}`,
    homepage: `${open.site_url}/data/`,
    sources: open.sources,
    data_date: open.data_date,
    licenses: [{ name: "CC-BY-4.0", title: "Creative Commons Attribution 4.0", path: "https://creativecommons.org/licenses/by/4.0/" }],
    resources,
  }, null, 2)}\n`;
}

