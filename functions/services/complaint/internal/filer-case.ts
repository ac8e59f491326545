/**
 * What the filer's verbs share: the case a receipt opens (the one receipt check of
 * services/receipt with the complaint policy: wrong codes slow a reference but never lock
 * it, and are answered like an unknown one), the filer's view of a case, and
 * a filer's change made in one transaction that re-reads the status, records the audit row
 * and answers with the fresh view.
 */
import { eq } from "drizzle-orm";
import { complaints } from "../../../../db/schema";
import type { TrackInput } from "../../../../src/domain/complaint/schemas";
import { DomainError } from "../../../../src/domain/errors";
import { writeAudit } from "../../audit/internal/write-audit";
import type { ServiceCtx, Tx } from "../../context";
import { checkReceipt, type ReceiptFinder } from "../../receipt/internal/check-receipt";
import { RECEIPT_POLICY } from "../../receipt/internal/receipt-policy";
import { eventsOf, type ComplaintRow } from "./case-facts";
import { filerView, type FilerView } from "./filer-view";

const findComplaint: ReceiptFinder<ComplaintRow> = async (ctx, reference) => {
  const row = await ctx.db.select().from(complaints).where(eq(complaints.reference, reference)).get();
  return row && { row, facts: { codeHash: row.receiptCodeHash } };
};

/** The case the receipt opens, or the one "unknown reference or wrong code" refusal. */
export function caseByReceipt(ctx: ServiceCtx, receipt: TrackInput): Promise<ComplaintRow> {
  return checkReceipt(ctx, findComplaint, RECEIPT_POLICY.complaint, { reference: receipt.reference, code: receipt.code, codeField: "code" });
}

export async function viewOf(ctx: ServiceCtx, id: string): Promise<FilerView> {
  const row = (await ctx.db.select().from(complaints).where(eq(complaints.id, id)).get())!;
  return filerView(row, await eventsOf(ctx.db, id), ctx.clock.now());
}

export async function filerChange(ctx: ServiceCtx, row: ComplaintRow, action: string, apply: (tx: Tx, at: string) => Promise<void>): Promise<FilerView> {
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
