/**
 * `listOpen311Requests`: the Open311 GeoReport v2 request list, read-only, so existing civic
 * tools can read complaints without a second export.
 */
import { asc, desc } from "drizzle-orm";
import { complaints } from "../../../db/schema";
import { CATEGORY_INFO } from "../../../src/domain/complaint/categories";
import { OUTCOME_LABELS } from "../../../src/domain/complaint/states";
import { DEPARTMENT_LABELS } from "../../../src/domain/staff/departments";
import type { ServiceCtx } from "../context";
import { listedCaseWhere, publicDateTime, publicIdOf } from "./internal/public-cases";

/**
 * Open311 requests: only listed cases (internal/public-cases: consenting and concluded), with
 * public fields only (no text, no school, no identity), an opaque id and day-resolution dates,
 * so the list cannot undo the suppression of small counts for anyone who did not consent.
 */
export async function listOpen311Requests({ ctx }: { ctx: ServiceCtx; input?: Record<string, never> }) {
  const rows = await ctx.db.select().from(complaints).where(listedCaseWhere).orderBy(desc(complaints.receivedOn), asc(complaints.id)).limit(1000).all();
  return rows.map((r) => ({
    service_request_id: publicIdOf(r.id),
    status: r.status === "answered" || r.status === "closed" || r.status === "not_accepted" ? "closed" : "open",
    status_notes: r.publicSummary ?? (r.outcome ? OUTCOME_LABELS[r.outcome] : null),
    service_name: CATEGORY_INFO[r.category].label,
    service_code: r.category,
    agency_responsible: DEPARTMENT_LABELS[r.department ?? CATEGORY_INFO[r.category].department],
    requested_datetime: publicDateTime(r.receivedOn),
    updated_datetime: publicDateTime(r.answeredOn ?? r.decidedOn ?? r.receivedOn),
  }));
}
