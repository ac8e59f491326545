/**
 * A reviewer's changes to an application: judge one document (with a reason the family sees
 * when it is rejected), download a document (through the shared downloadResponse), ask the
 * family for more information, and decide eligible or ineligible with a reason code and a
 * text. Each is one transaction with its timeline entry, its audit row and, where the family
 * must know, a message in the outbox; an illegal move is refused by the state machine.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { applicationDocuments, applicationEvents, applications } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import type { DecisionInput, DocumentReviewInput, RequestInfoInput } from "../../../src/domain/enrolment/staff-schemas";
import type { ApplicationEvent } from "../../../src/domain/enrolment/states";
import { DOCUMENT_KIND_LABELS, INELIGIBLE_REASON_LABELS } from "../../../src/domain/enrolment/vocabulary";
import { writeAudit } from "../audit/write-audit";
import type { SecureCtx, StaffCtx, Tx } from "../context";
import { enqueueMessage } from "../outbox/enqueue-message";
import { authorize } from "../staff/authorize";
import { downloadResponse } from "../uploads/download-response";
import { readUpload } from "../uploads/store-upload";
import { openPersonal } from "./internal/application-record";
import { documentContext } from "./internal/documents";
import { loadForStaff } from "./staff-detail";
import { transitionApplication } from "./transition-application";

type Ctx = StaffCtx & SecureCtx;

async function documentOf(ctx: Ctx, applicationId: string, documentId: string) {
  const doc = await ctx.db
    .select()
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.id, documentId), eq(applicationDocuments.applicationId, applicationId)))
    .get();
  if (!doc) throw new DomainError("not_found", "没有找到这份材料。");
  return doc;
}

export async function reviewDocument({ ctx, id, documentId, input }: { ctx: Ctx; id: string; documentId: string; input: z.output<typeof DocumentReviewInput> }) {
  authorize(ctx, "applications.review");
  await loadForStaff(ctx, id);
  const doc = await documentOf(ctx, id, documentId);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await tx.update(applicationDocuments).set({ review: input.review, reviewReason: input.review === "rejected" ? input.reason : null }).where(eq(applicationDocuments.id, doc.id));
    if (input.review === "rejected")
      await tx.insert(applicationEvents).values({ applicationId: id, at, event: "document_review", message: `${DOCUMENT_KIND_LABELS[doc.kind]}未通过审核：${input.reason}` });
    await writeAudit(tx, ctx, { action: "applications.document_review", outcome: "success", actor: ctx.actor, objectType: "application_document", objectId: doc.id, detail: input.review });
  });
  return { id: doc.id, review: input.review };
}

export async function downloadDocument({ ctx, id, documentId }: { ctx: Ctx; id: string; documentId: string }): Promise<Response> {
  authorize(ctx, "applications.review");
  const row = await loadForStaff(ctx, id);
  const doc = await documentOf(ctx, id, documentId);
  const bytes = await readUpload(ctx, doc.blobKey, documentContext(doc.id));
  await ctx.db.transaction(async (tx) =>
    writeAudit(tx, ctx, { action: "applications.document_download", outcome: "success", actor: ctx.actor, objectType: "application_document", objectId: doc.id }),
  );
  const ext = doc.contentType === "application/pdf" ? "pdf" : doc.contentType === "image/png" ? "png" : "jpg";
  return downloadResponse(bytes, doc.contentType, `${row.reference}-${DOCUMENT_KIND_LABELS[doc.kind]}.${ext}`);
}

/** Moves the application through the state machine, with its timeline entry, audit row and SMS. */
async function move(
  tx: Tx,
  ctx: Ctx,
  row: typeof applications.$inferSelect,
  event: ApplicationEvent,
  change: Partial<typeof applications.$inferInsert>,
  family: { message: string; sms: string },
) {
  const to = await transitionApplication(tx, ctx, row, event, {
    message: family.message,
    change,
    auditAction: `applications.${event}`,
    actor: ctx.actor,
    conflictMessage: "申请状态刚刚被其他人更改，请刷新后查看。",
  });
  const phone = (await openPersonal(ctx.keys, row)).guardians[0]?.phone;
  if (phone) await enqueueMessage(tx, ctx, { channel: "sms", to: phone, subject: "入学申请有新进展", body: family.sms, about: { kind: "application", id: row.id } });
  return to;
}

export async function requestInformation({ ctx, id, input }: { ctx: Ctx; id: string; input: z.output<typeof RequestInfoInput> }) {
  authorize(ctx, "applications.review");
  const row = await loadForStaff(ctx, id);
  const state = await ctx.db.transaction((tx) =>
    move(tx, ctx, row, "request_info", {}, {
      message: input.message,
      sms: `您的入学申请 ${row.reference} 需要补充材料，请在“办理进度查询”用受理编号和查询码查看要求并上传。`,
    }),
  );
  return { id, state };
}

export async function decideEligibility({ ctx, id, input }: { ctx: Ctx; id: string; input: z.output<typeof DecisionInput> }) {
  authorize(ctx, "applications.review");
  const row = await loadForStaff(ctx, id);
  const eligible = input.decision === "eligible";
  const state = await ctx.db.transaction((tx) =>
    move(
      tx,
      ctx,
      row,
      eligible ? "decide_eligible" : "decide_ineligible",
      eligible
        ? { points: input.points ?? row.points, decisionReason: null, decisionText: input.text || null }
        : { decisionReason: input.reasonCode!, decisionText: input.text },
      eligible
        ? { message: input.text || "审核通过，将参加统一学位分配。", sms: `您的入学申请 ${row.reference} 审核通过，将参加统一学位分配，结果公布后短信通知。` }
        : {
            message: `${INELIGIBLE_REASON_LABELS[input.reasonCode!]}：${input.text}`,
            sms: `您的入学申请 ${row.reference} 审核未通过，原因和可以怎么做请在“办理进度查询”查看。`,
          },
    ),
  );
  return { id, state };
}
