/**
 * The public side of complaints: statistics (suppressed on the server by
 * src/domain/complaint/statistics, so no count under 5 leaves the API), the redacted
 * summaries staff approved for filers who consented, their CSV form, and the Open311
 * GeoReport v2 read-only view. No complaint text, no school of a single case, no identity
 * ever appears here.
 */
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { complaints } from "../../../db/schema";
import { CATEGORY_INFO, COMPLAINT_CATEGORIES, type ComplaintCategory } from "../../../src/domain/complaint/categories";
import { complaintStats, type Cell, type ComplaintStats } from "../../../src/domain/complaint/statistics";
import { OUTCOME_LABELS } from "../../../src/domain/complaint/states";
import { DEPARTMENT_LABELS, type Department } from "../../../src/domain/staff/departments";
import type { ServiceCtx } from "../context";

export type PublicSummary = { category: string; categoryLabel: string; answeredOn: string; outcomeLabel: string; summary: string };
export type PublicComplaintStats = ComplaintStats & { asOf: string; summaries: PublicSummary[] };

export async function publicComplaintStats(ctx: ServiceCtx): Promise<PublicComplaintStats> {
  const rows = await ctx.db.select().from(complaints).all();
  const stats = complaintStats(
    rows.map((r) => ({
      category: r.category,
      school: r.school,
      // Unassigned cases count under the department their category routes to.
      department: r.department ?? CATEGORY_INFO[r.category].department,
      receivedOn: r.receivedOn,
      decidedOn: r.decidedOn,
      acceptedOn: r.acceptedOn,
      answeredOn: r.answeredOn,
      answerDue: r.answerDue,
    })),
  );
  const summaries = await ctx.db
    .select()
    .from(complaints)
    .where(and(eq(complaints.publishConsent, true), isNotNull(complaints.publicSummary), isNotNull(complaints.answeredOn)))
    .orderBy(desc(complaints.answeredOn))
    .limit(50)
    .all();
  return {
    ...stats,
    asOf: ctx.clock.now().toISOString(),
    summaries: summaries.map((r) => ({
      category: r.category,
      categoryLabel: CATEGORY_INFO[r.category].label,
      answeredOn: r.answeredOn!,
      outcomeLabel: r.outcome ? OUTCOME_LABELS[r.outcome] : "",
      summary: r.publicSummary!,
    })),
  };
}

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

/** Open311 GeoReport v2 service list: one service per category. */
export function open311Services() {
  return COMPLAINT_CATEGORIES.map((c) => ({
    service_code: c,
    service_name: CATEGORY_INFO[c].label,
    description: CATEGORY_INFO[c].hint,
    metadata: false,
    type: "realtime",
    keywords: CATEGORY_INFO[c].clauses.map((id) => `clause-${id}`).join(","),
    group: DEPARTMENT_LABELS[CATEGORY_INFO[c].department],
  }));
}

/**
 * Open311 requests: only cases whose filers agreed to publication, with public fields only
 * (no text, no school, no identity), so the list cannot undo the suppression of small counts
 * for anyone who did not consent.
 */
export async function open311Requests(ctx: ServiceCtx) {
  const rows = await ctx.db.select().from(complaints).where(eq(complaints.publishConsent, true)).orderBy(desc(complaints.receivedAt)).limit(1000).all();
  return rows.map((r) => ({
    service_request_id: r.reference,
    status: r.status === "answered" || r.status === "closed" || r.status === "not_accepted" ? "closed" : "open",
    status_notes: r.publicSummary ?? (r.outcome ? OUTCOME_LABELS[r.outcome] : null),
    service_name: CATEGORY_INFO[r.category].label,
    service_code: r.category,
    agency_responsible: DEPARTMENT_LABELS[r.department ?? CATEGORY_INFO[r.category].department],
    requested_datetime: r.receivedAt,
    updated_datetime: r.updatedAt,
  }));
}
