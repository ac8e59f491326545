/**
 * The public complaint figures as CSV for the open-data download (UTF-8 with BOM for
 * spreadsheet programs): one row per published cell with its key AND its name (category,
 * department, school name, month), then the totals, medians and share. A hidden figure has
 * an empty count and the note "不公布"; a table withheld whole has one row saying so.
 */
import type { ComplaintStats } from "../../../../src/domain/complaint/statistics";
import { namedCells, STATS_TABLES } from "../../../../src/domain/complaint/stats-labels";

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const HIDDEN = "不公布";

export function statsCsv(stats: ComplaintStats): string {
  const lines = ["table,key,name,count,note"];
  const row = (...cells: string[]) => lines.push(cells.map(csvCell).join(","));
  const figure = (table: string, key: string, name: string, n: number | null) => row(table, key, name, n === null ? "" : String(n), n === null ? HIDDEN : "");
  for (const table of STATS_TABLES) {
    const cells = namedCells(stats, table);
    if (cells.length === 0 && stats.total !== 0) row(table.id, "", "", "", "数量太少，本表整表不公布");
    for (const c of cells) figure(table.id, c.key, c.name, c.count);
  }
  figure("total", "", "投诉总数", stats.total);
  figure("total", "answered", "已答复", stats.answered);
  figure("median_days", "to_acceptance", "受理决定天数中位数", stats.medianDaysToAcceptance);
  figure("median_days", "to_answer", "答复天数中位数（自受理起）", stats.medianDaysToAnswer);
  figure("share", "answered_on_time", "按期答复比例", stats.answeredOnTimeShare);
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
