/**
 * `publicComplaintStats`: the public figures on complaints (suppressed on the server by
 * src/domain/complaint/statistics and disclosure, so no hidden count can be worked out from
 * what leaves the API) and the redacted summaries staff approved for listed cases
 * (internal/public-cases: consenting and concluded). No complaint text, no school of a single
 * case, no identity ever appears here; dates are days, and the "as of" date too.
 */
import { and, desc, isNotNull } from "drizzle-orm";
import { complaints } from "../../../db/schema";
import { CATEGORY_INFO } from "../../../src/domain/complaint/categories";
import { complaintStats, type ComplaintStats } from "../../../src/domain/complaint/statistics";
import { OUTCOME_LABELS } from "../../../src/domain/complaint/states";
import type { ServiceCtx } from "../context";
import { todayOf } from "./internal/case-facts";
import { isListedCase, listedCaseWhere } from "./internal/public-cases";

export type PublicSummary = { category: string; categoryLabel: string; answeredOn: string; outcomeLabel: string; summary: string };
/** `asOf` is the Shanghai calendar date of the figures. */
export type PublicComplaintStats = ComplaintStats & { asOf: string; summaries: PublicSummary[] };

export async function publicComplaintStats({ ctx }: { ctx: ServiceCtx; input?: Record<string, never> }): Promise<PublicComplaintStats> {
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
      listed: isListedCase(r),
    })),
  );
  const summaries = await ctx.db
    .select()
    .from(complaints)
    .where(and(listedCaseWhere, isNotNull(complaints.publicSummary), isNotNull(complaints.answeredOn)))
    .orderBy(desc(complaints.answeredOn))
    .limit(50)
    .all();
  return {
    ...stats,
    asOf: todayOf(ctx.clock.now()),
    summaries: summaries.map((r) => ({
      category: r.category,
      categoryLabel: CATEGORY_INFO[r.category].label,
      answeredOn: r.answeredOn!,
      outcomeLabel: r.outcome ? OUTCOME_LABELS[r.outcome] : "",
      summary: r.publicSummary!,
    })),
  };
}
