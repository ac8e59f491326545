/**
 * The public complaint figures as CSV for the open-data download (UTF-8 with BOM for
 * spreadsheet programs), each key with its Chinese label; a suppressed count reads "<5".
 */
import { CATEGORY_INFO, type ComplaintCategory } from "../../../../src/domain/complaint/categories";
import type { Cell, ComplaintStats } from "../../../../src/domain/complaint/statistics";
import { DEPARTMENT_LABELS, type Department } from "../../../../src/domain/staff/departments";

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function labelOf(dimension: string, key: string): string {
  if (dimension === "category") return CATEGORY_INFO[key as ComplaintCategory]?.label ?? key;
  if (dimension === "department") return DEPARTMENT_LABELS[key as Department] ?? key;
  if (dimension === "school" && key === "none") return "不针对某一所学校";
  return key;
}

/** The same figures as CSV (UTF-8 with BOM for spreadsheet programs); a suppressed count reads "<5". */
export function statsCsv(stats: ComplaintStats): string {
  const dims: [string, Cell[]][] = [
    ["category", stats.byCategory],
    ["school", stats.bySchool],
    ["department", stats.byDepartment],
    ["month", stats.byMonth],
  ];
  const lines = ["dimension,key,label,count"];
  for (const [dim, cells] of dims) {
    for (const c of cells) lines.push([dim, c.key, labelOf(dim, c.key), c.count === null ? `<${stats.minimumCount}` : String(c.count)].map(csvCell).join(","));
  }
  const figure = (n: number | null) => (n === null ? "" : String(n));
  lines.push(["total", "", "投诉总数", stats.total === null ? `<${stats.minimumCount}` : String(stats.total)].map(csvCell).join(","));
  lines.push(["median", "days_to_acceptance", "受理决定天数中位数", figure(stats.medianDaysToAcceptance)].join(","));
  lines.push(["median", "days_to_answer", "答复天数中位数", figure(stats.medianDaysToAnswer)].join(","));
  lines.push(["share", "answered_on_time", "按期答复比例", figure(stats.answeredOnTimeShare)].join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
