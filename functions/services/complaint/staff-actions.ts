/**
 * Staff verbs on complaints. Each checks the permission matrix first, loads the case in
 * its transaction and applies the scope rule (a department liaison touching another
 * department's case gets the same 404 as for a case that does not exist, SECURITY.md item
 * 9), checks the state machine, then writes the change, the case event and the audit row
 * together. A named filer hears of acceptance, refusal, requests for information, an
 * extension and the answer through the outbox in the same transaction.
 */
import { eq } from "drizzle-orm";
import { complaintPauses, complaints } from "../../../db/schema";
import { CATEGORY_INFO } from "../../../src/domain/complaint/categories";
import { answerClock, type Pause } from "../../../src/domain/complaint/deadlines";
import type {
  AssignInput,
  DecideInput,
  DraftAnswerInput,
  ExtendInput,
  MergeInput,
  NoteInput,
  RecategoriseInput,
  RequestInformationInput,
  ReturnDraftInput,
} from "../../../src/domain/complaint/schemas";
import { nextStatus, OUTCOME_LABELS, type ComplaintEvent } from "../../../src/domain/complaint/states";
import { chineseDate, shanghaiDate } from "../../../src/domain/complaint/time";
import { DomainError } from "../../../src/domain/errors";
import { inScope, type StaffAction } from "../../../src/domain/staff/permissions";
import { writeAudit } from "../audit/write-audit";
import type { SecureCtx, StaffCtx, Tx } from "../context";
import { authorize } from "../staff/authorize";
import { attachmentsOf, clockFacts, eventsOf, pausesOf, type ComplaintRow } from "./case-facts";
import { readUpload } from "../uploads/store-upload";
import { notifyFiler, openContact } from "./notify-filer";
import { recordEvent, type EventInput } from "./record-event";
import { staffDetail, type StaffDetail } from "./staff-view";

export const NO_SUCH_COMPLAINT = "找不到这件投诉。";

export type StaffSecureCtx = StaffCtx & SecureCtx;

/**
 * The case if the actor may touch it, else 404. The refusal is audited on the outer
 * database, so call it with `tx` only after a first check outside the transaction (the
 * audit row of a refusal must survive the rollback the 404 causes).
 */
async function load(db: StaffCtx["db"] | Tx, ctx: StaffCtx, action: StaffAction, id: string, auditRefusal = true): Promise<ComplaintRow> {
  const scope = authorize(ctx, action);
  const row = await db.select().from(complaints).where(eq(complaints.id, id)).get();
  if (!row || !inScope(scope, ctx.actor.department, row.department)) {
    if (auditRefusal) {
      await writeAudit(ctx.db, ctx, { action, outcome: "denied", actor: ctx.actor, objectType: "complaint", objectId: id, detail: "not_found_or_out_of_scope" });
    }
    throw new DomainError("not_found", NO_SUCH_COMPLAINT);
  }
  return row;
}

async function detailOf(db: StaffCtx["db"] | Tx, row: ComplaintRow, now: Date): Promise<StaffDetail> {
  return staffDetail(row, await eventsOf(db, row.id), await pausesOf(db, row.id), now, await attachmentsOf(db, row.id));
}

/** A file the filer attached, for a role that may read the case; audited like any read. */
export async function downloadAttachment({ ctx, id, attachmentId }: { ctx: StaffSecureCtx; id: string; attachmentId: string }) {
  const row = await load(ctx.db, ctx, "complaints.read", id);
  const file = (await attachmentsOf(ctx.db, row.id)).find((a) => a.id === attachmentId);
  if (!file) {
    await writeAudit(ctx.db, ctx, { action: "complaints.download", outcome: "denied", actor: ctx.actor, objectType: "complaint_attachment", objectId: attachmentId, detail: "not_found" });
    throw new DomainError("not_found", "找不到这个附件。");
  }
  const bytes = await readUpload(ctx, file.blobKey, file.sealContext);
  await writeAudit(ctx.db, ctx, { action: "complaints.download", outcome: "success", actor: ctx.actor, objectType: "complaint_attachment", objectId: file.id, detail: row.reference });
  return { bytes, contentType: file.contentType, name: file.originalName };
}

export async function getComplaint({ ctx, id }: { ctx: StaffCtx; id: string }): Promise<StaffDetail> {
  const row = await load(ctx.db, ctx, "complaints.read", id);
  await writeAudit(ctx.db, ctx, { action: "complaints.read", outcome: "success", actor: ctx.actor, objectType: "complaint", objectId: row.reference });
  return detailOf(ctx.db, row, ctx.clock.now());
}

type Change = {
  patch?: Partial<typeof complaints.$inferInsert>;
  event: Omit<EventInput, "actor" | "kind">;
  /** Tell a named filer, in these words. */
  notify?: string;
  auditDetail?: string;
};

async function change(
  ctx: StaffSecureCtx,
  id: string,
  action: StaffAction,
  event: ComplaintEvent,
  decide: (tx: Tx, row: ComplaintRow, today: string, pauses: Pause[]) => Promise<Change>,
): Promise<StaffDetail> {
  await load(ctx.db, ctx, action, id);
  return ctx.db.transaction(async (tx) => {
    // Read again inside the transaction: the case may have moved since the check.
    const row = await load(tx, ctx, action, id, false);
    const status = nextStatus(row.status, event);
    const now = ctx.clock.now();
    const at = now.toISOString();
    const today = shanghaiDate(now);
    const c = await decide(tx, row, today, await pausesOf(tx, row.id));
    await tx.update(complaints).set({ status, ...c.patch, updatedAt: at }).where(eq(complaints.id, row.id));
    await recordEvent(tx, row.id, at, { kind: event, actor: ctx.actor, ...c.event });
    await writeAudit(tx, ctx, { action: `complaints.${event}`, outcome: "success", actor: ctx.actor, objectType: "complaint", objectId: row.reference, detail: c.auditDetail });
    if (c.notify) await notifyFiler(tx, ctx, row, c.notify);
    const updated = (await tx.select().from(complaints).where(eq(complaints.id, row.id)).get())!;
    return detailOf(tx, updated, now);
  });
}

export function decideComplaint({ ctx, id, input }: { ctx: StaffSecureCtx; id: string; input: DecideInput }) {
  const event = input.decision === "accept" ? "accept" : "not_accept";
  return change(ctx, id, "complaints.triage", event, async (_tx, _row, today) =>
    input.decision === "accept"
      ? { patch: { decidedOn: today, acceptedOn: today }, event: { visibility: "public", text: input.reason ?? null }, notify: "已受理。我们将在 60 日内答复您。" }
      : {
          patch: { decidedOn: today, notAcceptedReason: input.reason! },
          event: { visibility: "public", text: input.reason! },
          notify: "经审查不予受理，理由已在查询页面列明。",
        },
  );
}

export function mergeComplaint({ ctx, id, input }: { ctx: StaffSecureCtx; id: string; input: MergeInput }) {
  return change(ctx, id, "complaints.triage", "merge", async (tx, row) => {
    const target = await tx.select().from(complaints).where(eq(complaints.reference, input.into)).get();
    if (!target || target.id === row.id || ["not_accepted", "closed"].includes(target.status)) {
      throw new DomainError("validation", "请填写一件正在办理中的其他投诉的受理编号。", { fields: [{ path: "into", message: "请填写一件正在办理中的其他投诉的受理编号。" }] });
    }
    return {
      patch: { mergedInto: target.reference, outcome: "duplicate" },
      event: { visibility: "public", text: `与受理编号 ${target.reference} 的投诉反映同一问题，合并办理。`, detail: target.reference },
      notify: `与另一件反映同一问题的投诉合并办理。`,
    };
  });
}

export function recategoriseComplaint({ ctx, id, input }: { ctx: StaffSecureCtx; id: string; input: RecategoriseInput }) {
  return change(ctx, id, "complaints.triage", "recategorise", async (_tx, row) => {
    if (row.category === input.category) throw new DomainError("validation", "新类别与原类别相同。", { fields: [{ path: "category", message: "新类别与原类别相同。" }] });
    return {
      patch: { category: input.category },
      event: { visibility: "public", text: `${CATEGORY_INFO[row.category].label} → ${CATEGORY_INFO[input.category].label}`, detail: input.category },
      auditDetail: `${row.category}->${input.category}`,
    };
  });
}

export function assignComplaint({ ctx, id, input }: { ctx: StaffSecureCtx; id: string; input: AssignInput }) {
  return change(ctx, id, "complaints.assign", "assign", async () => ({
    patch: { department: input.department, draftAnswer: null, draftOutcome: null, draftSummary: null },
    event: { visibility: "public", detail: input.department },
    auditDetail: input.department,
  }));
}

export function requestInformation({ ctx, id, input }: { ctx: StaffSecureCtx; id: string; input: RequestInformationInput }) {
  return change(ctx, id, "complaints.triage", "request_information", async (tx, row, today, pauses) => {
    if (!pauses.some((p) => p.to === null)) await tx.insert(complaintPauses).values({ complaintId: row.id, fromOn: today, toOn: null });
    return { event: { visibility: "public", text: input.message }, notify: "需要您补充材料，办理期限在您补充前暂停计算。" };
  });
}

export function extendDeadline({ ctx, id, input }: { ctx: StaffSecureCtx; id: string; input: ExtendInput }) {
  return change(ctx, id, "complaints.triage", "extend", async (_tx, row, today, pauses) => {
    if (!row.acceptedOn || row.reviewRequestedOn) throw new DomainError("conflict", "只有已受理、尚未答复的投诉可以延长办理期限（复查不能延期）。");
    if (row.extensionDays > 0) throw new DomainError("conflict", "办理期限只能延长一次（信访工作条例第三十四条）。");
    const due = answerClock(clockFacts({ ...row, extensionDays: input.days }, pauses), today)!.due;
    return {
      patch: { extensionDays: input.days },
      event: { visibility: "public", text: input.notice, detail: String(input.days) },
      notify: `办理期限延长 ${input.days} 日，至 ${chineseDate(due)}。延期理由：${input.notice}`,
      auditDetail: `days:${input.days}`,
    };
  });
}

export function addNote({ ctx, id, input }: { ctx: StaffSecureCtx; id: string; input: NoteInput }) {
  return change(ctx, id, "complaints.answer", "note", async () => ({ event: { visibility: "internal", text: input.text } }));
}

export function draftAnswer({ ctx, id, input }: { ctx: StaffSecureCtx; id: string; input: DraftAnswerInput }) {
  return change(ctx, id, "complaints.answer", "draft_answer", async (_tx, row) => ({
    patch: { draftOutcome: input.outcome, draftAnswer: input.answer, draftSummary: row.publishConsent ? (input.publicSummary ?? null) : null },
    event: { visibility: "internal", text: input.answer, detail: input.outcome },
  }));
}

export function returnDraft({ ctx, id, input }: { ctx: StaffSecureCtx; id: string; input: ReturnDraftInput }) {
  return change(ctx, id, "complaints.triage", "return_draft", async (_tx, row) => {
    if (!row.draftAnswer) throw new DomainError("conflict", "这件投诉还没有答复稿。");
    return { patch: { draftAnswer: null, draftOutcome: null, draftSummary: null }, event: { visibility: "internal", text: input.reason } };
  });
}

export function approveAnswer({ ctx, id }: { ctx: StaffSecureCtx; id: string }) {
  return change(ctx, id, "complaints.triage", "approve_answer", async (_tx, row, today, pauses) => {
    if (!row.draftAnswer || !row.draftOutcome) throw new DomainError("conflict", "责任部门还没有提交答复稿，不能发送。");
    const due = answerClock(clockFacts(row, pauses), today)!.due;
    return {
      patch: {
        outcome: row.draftOutcome,
        answer: row.draftAnswer,
        answeredOn: today,
        answerDue: due,
        publicSummary: row.publishConsent ? row.draftSummary : null,
        draftAnswer: null,
        draftOutcome: null,
        draftSummary: null,
      },
      event: { visibility: "public", text: row.draftAnswer, detail: row.draftOutcome },
      notify: `已答复，办理结果：${OUTCOME_LABELS[row.draftOutcome]}。`,
      auditDetail: row.draftOutcome,
    };
  });
}

/**
 * The filer's identity for a permitted role, with a reason, audited (SECURITY.md data
 * classes). A liaison may see it only when the filer agreed to department contact.
 */
export async function revealContact({ ctx, id, reason }: { ctx: StaffSecureCtx; id: string; reason: string }) {
  const row = await load(ctx.db, ctx, "complaints.reveal_contact", id);
  const allowed = row.contactMode === "named" && (ctx.actor.role !== "department_liaison" || row.departmentMayContact);
  await ctx.db.transaction(async (tx) => {
    const at = ctx.clock.now().toISOString();
    // The reason is kept in the case's internal history; the audit row holds only codes.
    if (allowed) await recordEvent(tx, row.id, at, { kind: "reveal_contact", visibility: "internal", actor: ctx.actor, text: reason });
    await writeAudit(tx, ctx, {
      action: "complaints.reveal_contact",
      outcome: allowed ? "success" : "denied",
      actor: ctx.actor,
      objectType: "complaint",
      objectId: row.reference,
      detail: allowed ? "reason_recorded" : "no_consent_or_anonymous",
    });
  });
  if (!allowed) {
    throw new DomainError("forbidden", row.contactMode === "anonymous" ? "这是匿名投诉，没有投诉人身份信息。" : "投诉人没有同意责任部门直接联系，请通过投诉受理人员沟通。");
  }
  return openContact(ctx, row);
}
