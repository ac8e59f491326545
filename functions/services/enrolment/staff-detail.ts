/**
 * One application for a reviewer: every answer with ID numbers, the permit number and
 * special-needs details masked (shown in full only through `revealField`, with a reason code,
 * audited), its documents and its timeline. Reading it is audited; an unknown id is a 404.
 */
import { asc, eq } from "drizzle-orm";
import { applicationDocuments, applicationEvents, applications } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import { REVEAL_REASON_LABELS, type REVEALABLE_FIELDS, type REVEAL_REASONS } from "../../../src/domain/enrolment/staff-schemas";
import { APPLICATION_STATE_LABELS, TRANSITIONS } from "../../../src/domain/enrolment/states";
import { DOCUMENT_KIND_LABELS, DOCUMENT_REVIEW_LABELS, INELIGIBLE_REASON_LABELS } from "../../../src/domain/enrolment/vocabulary";
import { answerSections } from "../../../src/lib/enrolment/answers";
import { writeAudit } from "../audit/write-audit";
import type { SecureCtx, StaffCtx } from "../context";
import { authorize } from "../staff/authorize";
import { openApplication } from "./internal/application-record";

type Ctx = StaffCtx & SecureCtx;
export const NOT_FOUND = "没有找到这份申请。";

export async function loadForStaff(ctx: Ctx, id: string) {
  const row = await ctx.db.select().from(applications).where(eq(applications.id, id)).get();
  if (!row || row.state === "draft") throw new DomainError("not_found", NOT_FOUND);
  return row;
}

export async function getApplication({ ctx, catalogue, id }: { ctx: Ctx; catalogue: Catalogue; id: string }) {
  authorize(ctx, "applications.review");
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
    consent: { noticeVersion: row.consentNoticeVersion, at: row.consentAt, specialNeeds: row.specialNeedsConsent },
    decision: row.decisionReason ? { reason: INELIGIBLE_REASON_LABELS[row.decisionReason], text: row.decisionText ?? "" } : null,
    sections,
    guardianCount: draft.guardians.length,
    hasSpecialNeeds: draft.specialNeeds.has === "yes",
    documents: documents.map((d) => ({ id: d.id, kind: DOCUMENT_KIND_LABELS[d.kind], contentType: d.contentType, size: d.size, review: d.review, reviewLabel: DOCUMENT_REVIEW_LABELS[d.review], reason: d.reviewReason })),
    timeline: events.map((e) => ({ at: e.at, event: e.event, label: e.toState ? APPLICATION_STATE_LABELS[e.toState] : e.event, message: e.message })),
  };
}

export async function revealField({
  ctx,
  id,
  field,
  reason,
}: {
  ctx: Ctx;
  id: string;
  field: (typeof REVEALABLE_FIELDS)[number];
  reason: (typeof REVEAL_REASONS)[number];
}): Promise<{ field: string; value: string; reason: string }> {
  authorize(ctx, "applications.review");
  const row = await loadForStaff(ctx, id);
  const draft = await openApplication(ctx.keys, row);
  const value =
    field === "child.idNumber"
      ? draft.child.idNumber
      : field === "guardians.0.idNumber"
        ? draft.guardians[0]?.idNumber
        : field === "guardians.1.idNumber"
          ? draft.guardians[1]?.idNumber
          : field === "permit.number"
            ? draft.permit.number
            : draft.specialNeeds.has === "yes"
              ? `${draft.specialNeeds.placement}；${draft.specialNeeds.details}`
              : undefined;
  if (value === undefined) throw new DomainError("not_found", "这份申请没有这项内容。");
  await ctx.db.transaction(async (tx) =>
    writeAudit(tx, ctx, { action: "applications.reveal", outcome: "success", actor: ctx.actor, objectType: "application", objectId: id, detail: `${field}:${reason}` }),
  );
  return { field, value, reason: REVEAL_REASON_LABELS[reason] };
}

