/**
 * `reviewDocument({ ctx, input: { id, documentId, review, reason } })`: a reviewer judges one
 * document; a rejection carries a reason the family sees on its timeline. One transaction with
 * the audit row.
 */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { applicationDocuments, applicationEvents } from "../../../db/schema";
import type { DocumentReviewInput } from "../../../src/domain/enrolment/staff-schemas";
import { DOCUMENT_KIND_LABELS } from "../../../src/domain/enrolment/vocabulary";
import { writeAudit } from "../audit/internal/write-audit";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { documentOf, loadForStaff } from "./internal/staff-application";

export const reviewDocument = staffVerb(
  "applications.review",
  async ({ ctx, input }: { ctx: StaffCtx; input: { id: string; documentId: string } & z.output<typeof DocumentReviewInput> }) => {
    const { id } = input;
    await loadForStaff(ctx, id);
    const doc = await documentOf(ctx, id, input.documentId);
    const at = ctx.clock.now().toISOString();
    await ctx.db.transaction(async (tx) => {
      await tx.update(applicationDocuments).set({ review: input.review, reviewReason: input.review === "rejected" ? input.reason : null }).where(eq(applicationDocuments.id, doc.id));
      if (input.review === "rejected")
        await tx.insert(applicationEvents).values({ applicationId: id, at, event: "document_review", message: `${DOCUMENT_KIND_LABELS[doc.kind]}未通过审核：${input.reason}` });
      await writeAudit(tx, ctx, { action: "applications.document_review", outcome: "success", actor: ctx.actor, objectType: "application_document", objectId: doc.id, detail: input.review });
    });
    return { id: doc.id, review: input.review };
  },
);
