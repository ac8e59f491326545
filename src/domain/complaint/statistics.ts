/**
 * Public complaint statistics (DOMAIN.md §4, SECURITY.md data classes): counts by category,
 * school, department and month, median days to acceptance and to answer, and the share
 * answered on time. Any count from 1 to 4 is suppressed (published as null, shown as
 * "少于 5"), and so are medians and shares computed from fewer than 5 cases. Because every
 * dimension also publishes its total, one suppressed cell could be recovered by subtraction;
 * when a dimension has exactly one suppressed cell, the next smallest non-zero cell is
 * suppressed too (complementary suppression). Pure: the API runs it on the server, so no
 * small count ever leaves it.
 */
import { daysBetween } from "./time";

export const MIN_PUBLISHED_COUNT = 5;

export type StatsRow = {
  category: string;
  school: string;
  department: string;
  receivedOn: string;
  /** Accepted or not accepted. */
  decidedOn: string | null;
  acceptedOn: string | null;
  answeredOn: string | null;
  /** The answer's due date (extension included), when answered. */
  answerDue: string | null;
};

export type Cell = { key: string; count: number | null };

export function suppressCells(counts: Map<string, number>): Cell[] {
  const cells: Cell[] = [...counts].map(([key, n]) => ({ key, count: n > 0 && n < MIN_PUBLISHED_COUNT ? null : n }));
  if (cells.filter((c) => c.count === null).length === 1) {
    const next = cells.filter((c) => c.count !== null && c.count > 0).sort((a, b) => a.count! - b.count!)[0];
    if (next) next.count = null;
  }
  return cells.sort((a, b) => a.key.localeCompare(b.key));
}

export function median(values: number[]): number | null {
  if (values.length < MIN_PUBLISHED_COUNT) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const countBy = (rows: StatsRow[], key: (r: StatsRow) => string) => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
};

export type ComplaintStats = {
  minimumCount: number;
  total: number | null;
  byCategory: Cell[];
  bySchool: Cell[];
  byDepartment: Cell[];
  byMonth: Cell[];
  medianDaysToAcceptance: number | null;
  medianDaysToAnswer: number | null;
  answered: number | null;
  /** Share (0–1, 3 decimals) of answered cases answered by their due date. */
  answeredOnTimeShare: number | null;
};

export function complaintStats(rows: StatsRow[]): ComplaintStats {
  const answered = rows.filter((r) => r.acceptedOn && r.answeredOn && r.answerDue);
  const onTime = answered.filter((r) => r.answeredOn! <= r.answerDue!).length;
  const small = (n: number) => (n > 0 && n < MIN_PUBLISHED_COUNT ? null : n);
  return {
    minimumCount: MIN_PUBLISHED_COUNT,
    total: small(rows.length),
    byCategory: suppressCells(countBy(rows, (r) => r.category)),
    bySchool: suppressCells(countBy(rows, (r) => r.school)),
    byDepartment: suppressCells(countBy(rows, (r) => r.department)),
    byMonth: suppressCells(countBy(rows, (r) => r.receivedOn.slice(0, 7))),
    medianDaysToAcceptance: median(rows.filter((r) => r.decidedOn).map((r) => daysBetween(r.receivedOn, r.decidedOn!))),
    medianDaysToAnswer: median(answered.map((r) => daysBetween(r.acceptedOn!, r.answeredOn!))),
    answered: small(answered.length),
    answeredOnTimeShare: answered.length < MIN_PUBLISHED_COUNT ? null : Math.round((onTime / answered.length) * 1000) / 1000,
  };
}
