/**
 * The filer's verbs, each authorised by the receipt (reference + code, POSTed, never in a
 * URL): look the case up, add information, rate the answer, ask for a review within 30
 * days. A wrong code, an unknown reference and a locked reference all get the same 404
 * message, so the answer does not tell a guesser which references exist; wrong codes are
 * counted per reference in the database, and after 20 the reference stops answering until
 * staff help (the per-client rate limit on the route comes first). Codes are 130-bit, so
 * the counter is defence in depth, not the only guard.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { complaintPauses, complaints } from "../../../db/schema";
import type { AddInformationInput, RateInput, ReviewRequestInput, TrackInput } from "../../../src/domain/complaint/schemas";
import { canRequestReview } from "../../../src/domain/complaint/deadlines";
import { nextStatus, RATING_LABELS } from "../../../src/domain/complaint/states";
import { shanghaiDate } from "../../../src/domain/complaint/time";
import { DomainError } from "../../../src/domain/errors";
import { hashReceiptCode, normaliseReceiptCode } from "../../platform/receipt-code";
import { writeAudit } from "../audit/internal/write-audit";
import type { ServiceCtx, Tx } from "../context";
import { eventsOf, pausesOf, type ComplaintRow } from "./internal/case-facts";
import { filerView, type FilerView } from "./filer-view";
import { recordEvent } from "./internal/record-event";

export const MAX_FAILED_LOOKUPS = 20;
export const RECEIPT_NOT_FOUND = "受理编号或查询码不正确。请核对收据后重试；多次输错后将暂停查询，如需帮助请联系区教育局。";

function timingSafeEqualHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The case the receipt opens, or a 404 (after counting the failure). */
async function caseByReceipt(ctx: ServiceCtx, receipt: TrackInput): Promise<ComplaintRow> {
  const row = await ctx.db.select().from(complaints).where(eq(complaints.reference, receipt.reference)).get();
  const hash = await hashReceiptCode(normaliseReceiptCode(receipt.code));
  if (!row || row.failedLookups >= MAX_FAILED_LOOKUPS || !timingSafeEqualHex(hash, row.receiptCodeHash)) {
    if (row && row.failedLookups < MAX_FAILED_LOOKUPS) {
      await ctx.db.update(complaints).set({ failedLookups: sql`${complaints.failedLookups} + 1` }).where(eq(complaints.id, row.id));
    }
    throw new DomainError("not_found", RECEIPT_NOT_FOUND, { fields: [{ path: "code", message: RECEIPT_NOT_FOUND }] });
  }
  if (row.failedLookups > 0) await ctx.db.update(complaints).set({ failedLookups: 0 }).where(eq(complaints.id, row.id));
  return row;
}

async function viewOf(ctx: ServiceCtx, id: string): Promise<FilerView> {
  const row = (await ctx.db.select().from(complaints).where(eq(complaints.id, id)).get())!;
  return filerView(row, await eventsOf(ctx.db, id), await pausesOf(ctx.db, id), ctx.clock.now());
}

export async function trackComplaint({ ctx, input }: { ctx: ServiceCtx; input: TrackInput }): Promise<FilerView> {
  const row = await caseByReceipt(ctx, input);
  return viewOf(ctx, row.id);
}

async function filerChange(ctx: ServiceCtx, row: ComplaintRow, action: string, apply: (tx: Tx, at: string) => Promise<void>) {
  await ctx.db.transaction(async (tx) => {
    // Re-read inside the transaction: the status may have moved since the lookup.
    const fresh = (await tx.select().from(complaints).where(eq(complaints.id, row.id)).get())!;
    if (fresh.status !== row.status) throw new DomainError("conflict", "这件投诉的状态刚刚发生了变化，请重新查询后再操作。");
    const at = ctx.clock.now().toISOString();
    await apply(tx, at);
    await tx.update(complaints).set({ updatedAt: at }).where(eq(complaints.id, row.id));
    await writeAudit(tx, ctx, { action, outcome: "success", actor: null, objectType: "complaint", objectId: row.reference });
  });
  return viewOf(ctx, row.id);
}

export async function addInformation({ ctx, input }: { ctx: ServiceCtx; input: AddInformationInput }): Promise<FilerView> {
  const row = await caseByReceipt(ctx, input);
  nextStatus(row.status, "add_information");
  return filerChange(ctx, row, "complaints.add_information", async (tx, at) => {
    await recordEvent(tx, row.id, at, { kind: "add_information", visibility: "public", actor: null, text: input.text });
    // The filer answered: any open request for information ends today, and the clock runs again.
    await tx
      .update(complaintPauses)
      .set({ toOn: shanghaiDate(at) })
      .where(and(eq(complaintPauses.complaintId, row.id), isNull(complaintPauses.toOn)));
  });
}

export async function rateAnswer({ ctx, input }: { ctx: ServiceCtx; input: RateInput }): Promise<FilerView> {
  const row = await caseByReceipt(ctx, input);
  if (row.rating) throw new DomainError("conflict", "您已经评价过这次答复。");
  const status = nextStatus(row.status, "rate");
  return filerChange(ctx, row, "complaints.rate", async (tx, at) => {
    await tx.update(complaints).set({ rating: input.rating, status }).where(eq(complaints.id, row.id));
    await recordEvent(tx, row.id, at, { kind: "rate", visibility: "public", actor: null, detail: input.rating, text: RATING_LABELS[input.rating] });
  });
}

export async function requestReview({ ctx, input }: { ctx: ServiceCtx; input: ReviewRequestInput }): Promise<FilerView> {
  const row = await caseByReceipt(ctx, input);
  const today = shanghaiDate(ctx.clock.now());
  if (row.reviewRequestedOn) throw new DomainError("conflict", "这件投诉已经申请过复查。");
  if (!canRequestReview(row.answeredOn, today)) {
    throw new DomainError("conflict", "申请复查须在收到答复之日起 30 日内提出，现已超过期限。", { fields: [{ path: "reason", message: "申请复查须在收到答复之日起 30 日内提出，现已超过期限。" }] });
  }
  const status = nextStatus(row.status, "request_review");
  return filerChange(ctx, row, "complaints.request_review", async (tx, at) => {
    await tx.update(complaints).set({ status, reviewRequestedOn: today }).where(eq(complaints.id, row.id));
    await recordEvent(tx, row.id, at, { kind: "request_review", visibility: "public", actor: null, text: input.reason });
  });
}
