/**
 * `getApplication({ ctx, input: { catalogue, id } })`: one application for a reviewer: every
 * answer with ID numbers, the permit number and special-needs details masked (shown in full
 * only through `revealField`), its documents (each with how it is previewed, image or PDF,
 * what it must show and which answers it proves, from the intake's document rules) and its
 * timeline. Reading it is audited; an unknown id is a 404.
 */
import { asc, eq } from "drizzle-orm";
import { applicationDocuments, applicationEvents, applications } from "../../../db/schema";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import { APPLICATION_STATE_LABELS, TRANSITIONS } from "../../../src/domain/enrolment/states";
import { DOCUMENT_KIND_LABELS, DOCUMENT_REVIEW_LABELS, INELIGIBLE_REASON_LABELS } from "../../../src/domain/enrolment/vocabulary";
import { answerSections } from "../../../src/lib/enrolment/answers";
import { writeAudit } from "../audit/internal/write-audit";
import type { SecureCtx, StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { previewKind } from "../uploads/internal/download-response";
import { openApplication } from "./internal/application-record";
import { loadForStaff } from "./internal/staff-application";

async function firstReference(ctx: SecureCtx, id: string) {
  const first = await ctx.db.select({ reference: applications.reference }).from(applications).where(eq(applications.id, id)).get();
  return { id, reference: first?.reference ?? "" };
}

export const getApplication = staffVerb("applications.review", async ({ ctx, input: { catalogue, id } }: { ctx: StaffCtx & SecureCtx; input: { catalogue: Catalogue; id: string } }) => {
  const row = await loadForStaff(ctx, id);
  const draft = await openApplication(ctx.keys, row);
  const [documents, events] = await Promise.all([
    ctx.db.select().from(applicationDocuments).where(eq(applicationDocuments.applicationId, id)).orderBy(asc(applicationDocuments.uploadedAt)),
    ctx.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id)).orderBy(asc(applicationEvents.id)),
  ]);
  await ctx.db.transaction(async (tx) => writeAudit(tx, ctx, { action: "applications.read", outcome: "success", actor: ctx.actor, objectType: "application", objectId: id }));
  const sections = answerSections(catalogue, draft, { mask: true });
  if (draft.specialNeeds.has === "yes") {
    // Disability details are sensitive: masked like an ID number until revealed.
    for (const s of sections) for (const r of s.rows) if (r.path.startsWith("specialNeeds.") && r.path !== "specialNeeds.has") r.value = "（已隐藏，需说明理由后查看）";
  }
  return {
    id: row.id,
    reference: row.reference ?? "",
    state: row.state,
    stateLabel: APPLICATION_STATE_LABELS[row.state],
    allowedEvents: Object.keys(TRANSITIONS[row.state]),
    points: row.points,
    submittedAt: row.submittedAt ?? "",
    consent: { noticeVersion: row.consentNoticeVersion, at: row.consentAt, guardian: row.consentGuardian, specialNeeds: row.specialNeedsConsent },
    /** The first application for the same child, when this one is a duplicate. */
    duplicateOf: row.duplicateOf ? await firstReference(ctx, row.duplicateOf) : null,
    decision: row.decisionReason ? { reason: INELIGIBLE_REASON_LABELS[row.decisionReason], text: row.decisionText ?? "" } : null,
    sections,
    guardianCount: draft.guardians.length,
    hasSpecialNeeds: draft.specialNeeds.has === "yes",
    documents: documents.map((d) => {
      const rule = catalogue.intake.document_rules.find((r) => r.kind === d.kind);
      return {
        id: d.id,
        kind: DOCUMENT_KIND_LABELS[d.kind],
        kindCode: d.kind,
        contentType: d.contentType,
        size: d.size,
        review: d.review,
        reviewLabel: DOCUMENT_REVIEW_LABELS[d.review],
        reason: d.reviewReason,
        /** How the page previews it through the audited view route: an image, or a PDF drawn by pdf.js. */
        preview: previewKind(d.contentType),
        shows: rule?.shows ?? [],
        proves: rule?.proves ?? [],
      };
    }),
    timeline: events.map((e) => ({ at: e.at, event: e.event, label: e.toState ? APPLICATION_STATE_LABELS[e.toState] : e.event, message: e.message })),
  };
});
