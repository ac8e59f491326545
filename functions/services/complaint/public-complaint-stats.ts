/**
 * `publicComplaintStats`: the public figures on complaints (suppressed on the server by
 * src/domain/complaint/statistics, so no count under 5 leaves the API) and the redacted
 * summaries staff approved for filers who consented. No complaint text, no school of a
 * single case, no identity ever appears here.
 */
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { complaints } from "../../../db/schema";
import { CATEGORY_INFO } from "../../../src/domain/complaint/categories";
import { complaintStats, type ComplaintStats } from "../../../src/domain/complaint/statistics";
import { OUTCOME_LABELS } from "../../../src/domain/complaint/states";
import type { ServiceCtx } from "../context";

export type PublicSummary = { category: string; categoryLabel: string; answeredOn: string; outcomeLabel: string; summary: string };
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
