/**
 * The names the public complaint figures are shown with: one place for the page, the CSV
 * and the staff-free views, so a key (a category code, a department id, a school id, a
 * month) always reads the same way. Names come from the domain's vocabularies.
 */
import { CATEGORY_INFO, type ComplaintCategory } from "./categories";
import { SCHOOL_DIRECTORY } from "./directory.generated";
import type { Cell, ComplaintStats } from "./statistics";
import { DEPARTMENT_LABELS, type Department } from "../staff/departments";

const SCHOOL_NAMES = new Map<string, string>(SCHOOL_DIRECTORY.map((s) => [s.id, s.name]));

/** The four published tables, in the order the page and the CSV show them. */
export const STATS_TABLES = [
  { id: "category", field: "byCategory", heading: "按投诉类别", keyHeading: "投诉类别" },
  { id: "department", field: "byDepartment", heading: "按责任部门", keyHeading: "责任部门" },
  { id: "month", field: "byMonth", heading: "按月份（收到投诉的月份）", keyHeading: "月份" },
  { id: "school", field: "bySchool", heading: "按学校", keyHeading: "学校" },
] as const satisfies readonly { id: string; field: keyof ComplaintStats; heading: string; keyHeading: string }[];

export type StatsTableId = (typeof STATS_TABLES)[number]["id"];

/** A key's public name: category and department labels, school names, months as 2026年9月. */
export function nameOf(table: StatsTableId, key: string): string {
  if (table === "category") return CATEGORY_INFO[key as ComplaintCategory]?.label ?? key;
  if (table === "department") return DEPARTMENT_LABELS[key as Department] ?? key;
  if (table === "school") return key === "none" ? "不针对某一所学校" : (SCHOOL_NAMES.get(key) ?? key);
  const [y, m] = key.split("-");
  return `${y}年${Number(m)}月`;
}

/** The cells of one table with their names. */
export const namedCells = (stats: ComplaintStats, table: (typeof STATS_TABLES)[number]): (Cell & { name: string })[] =>
  (stats[table.field] as Cell[]).map((c) => ({ ...c, name: nameOf(table.id, c.key) }));
