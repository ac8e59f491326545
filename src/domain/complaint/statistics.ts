/**
 * Public complaint statistics (DOMAIN.md §4, SECURITY.md data classes): counts by category,
 * school, department and month, median days to acceptance and to answer, and the share
 * answered on time. Disclosure control is `./disclosure.ts`: counts from 1 to 4 are hidden,
 * more cells are hidden until no hidden cell can be worked out from the total and the cases
 * listed publicly one by one, medians need 5 cases, and the on-time share is withheld when
 * either the on-time or the late count is from 1 to 4. Pure: the API runs it on the server,
 * so no small count ever leaves it.
 */
import { z } from "zod";
import { daysBetween } from "./time";
import { MIN_PUBLISHED_COUNT, protectTable, publishedCount, publishedShare, type Cell } from "./disclosure";
import { protectLinkedTables } from "./linked-disclosure";
import { leadDepartmentOf, type ComplaintCategory } from "./categories";

export { MIN_PUBLISHED_COUNT, type Cell };

export type StatsRow = {
  category: string;
  school: string;
  department: string;
  receivedOn: string;
  /** Accepted or not accepted. */
  decidedOn: string | null;
  acceptedOn: string | null;
  answeredOn: string | null;
  /** The answer's due date (extension and pauses included), when answered. */
  answerDue: string | null;
  /** Listed publicly one by one (Open311): its category, department and month are known. */
  listed: boolean;
};

export function median(values: number[]): number | null {
  if (values.length < MIN_PUBLISHED_COUNT) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const countBy = (rows: readonly StatsRow[], key: (r: StatsRow) => string) => {
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

/** The published figures as a schema, for the API description (`null`: hidden; an empty table: withheld). */
const CellSchema = z.strictObject({ key: z.string(), count: z.number().int().nullable() });
export const ComplaintStatsSchema = z.strictObject({
  minimumCount: z.number().int(),
  total: z.number().int().nullable(),
  byCategory: z.array(CellSchema),
  bySchool: z.array(CellSchema),
  byDepartment: z.array(CellSchema),
  byMonth: z.array(CellSchema),
  medianDaysToAcceptance: z.number().nullable(),
  medianDaysToAnswer: z.number().nullable(),
  answered: z.number().int().nullable(),
  answeredOnTimeShare: z.number().nullable(),
}) satisfies z.ZodType<ComplaintStats>;

/** A table of `rows` by `key`, its floors the listed cases per key (none for schools: Open311 names no school). */
const tableBy = (rows: readonly StatsRow[], key: (r: StatsRow) => string, listedKnown = true) =>
  protectTable(countBy(rows, key), listedKnown ? countBy(rows.filter((r) => r.listed), key) : new Map());

/** The category and department tables, protected jointly: each category's lead department links them. */
const linkedTables = (rows: readonly StatsRow[]) => {
  const listed = rows.filter((r) => r.listed);
  return protectLinkedTables({
    categories: countBy(rows, (r) => r.category),
    departments: countBy(rows, (r) => r.department),
    leadOf: (category) => leadDepartmentOf(category as ComplaintCategory),
    categoryFloors: countBy(listed, (r) => r.category),
    departmentFloors: countBy(listed, (r) => r.department),
  });
};

export function complaintStats(rows: StatsRow[]): ComplaintStats {
  // Under 5 cases in all, the total is hidden and no table is published beside it.
  const tabled = publishedCount(rows.length) === null ? [] : rows;
  const answered = rows.filter((r) => r.acceptedOn && r.answeredOn && r.answerDue);
  const onTime = answered.filter((r) => r.answeredOn! <= r.answerDue!).length;
  return {
    minimumCount: MIN_PUBLISHED_COUNT,
    total: publishedCount(rows.length),
    ...linkedTables(tabled),
    bySchool: tableBy(tabled, (r) => r.school, false),
    byMonth: tableBy(tabled, (r) => r.receivedOn.slice(0, 7)),
    medianDaysToAcceptance: median(rows.filter((r) => r.decidedOn).map((r) => daysBetween(r.receivedOn, r.decidedOn!))),
    medianDaysToAnswer: median(answered.map((r) => daysBetween(r.acceptedOn!, r.answeredOn!))),
    answered: publishedCount(answered.length),
    answeredOnTimeShare: publishedShare(onTime, answered.length),
  };
}
