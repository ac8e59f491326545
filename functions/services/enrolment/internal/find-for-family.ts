/**
 * The application a family's reference + access code open (SECURITY.md item 14), through
 * the one receipt check of services/receipt with the application policy: wrong codes slow
 * the reference (a bounded delay) but never lock it, so no third party can keep a family
 * from its answer near an offer deadline; the per-client limit on the route covers the
 * rest. A wrong reference and a wrong code get the same answer.
 */
import { eq } from "drizzle-orm";
import { applications } from "../../../../db/schema";
import type { ServiceCtx } from "../../context";
import { checkReceipt, type ReceiptFinder } from "../../receipt/internal/check-receipt";
import { RECEIPT_POLICY } from "../../receipt/internal/receipt-policy";
import type { ApplicationRow } from "./application-row";

/** The receipt's field name on the tracking forms, where the refusal points. */
export const ACCESS_CODE_FIELD = "accessCode";

export function normaliseReference(input: string): string {
  return input.normalize("NFKC").trim().toUpperCase().replace(/\s+/g, "");
}

const findApplication: ReceiptFinder<ApplicationRow> = async (ctx, reference) => {
  const row = await ctx.db.select().from(applications).where(eq(applications.reference, reference)).get();
  return row && { row, facts: { codeHash: row.accessCodeHash } };
};

export function findForFamily(ctx: ServiceCtx, receipt: { reference: string; accessCode: string }): Promise<ApplicationRow> {
  return checkReceipt(ctx, findApplication, RECEIPT_POLICY.application, { reference: normaliseReference(receipt.reference), code: receipt.accessCode, codeField: ACCESS_CODE_FIELD });
}
