/**
 * The application a family's reference + access code open (SECURITY.md item 14), through
 * the one receipt check of services/receipt with the application policy: wrong codes are
 * counted per reference in the database, and at the limit the reference pauses, so guessing
 * one family's code is limited even from many addresses (the per-client rate limit on the
 * route covers the rest). A wrong reference and a wrong code get the same answer.
 */
import { eq, sql } from "drizzle-orm";
import { applications } from "../../../../db/schema";
import type { ServiceCtx } from "../../context";
import { checkReceipt, type ReceiptStore } from "../../receipt/internal/check-receipt";
import { RECEIPT_POLICY } from "../../receipt/internal/receipt-policy";
import type { ApplicationRow } from "./application-row";

/** The receipt's field name on the tracking forms, where the refusal points. */
export const ACCESS_CODE_FIELD = "accessCode";

export function normaliseReference(input: string): string {
  return input.normalize("NFKC").trim().toUpperCase().replace(/\s+/g, "");
}

const applicationReceipts: ReceiptStore<ApplicationRow> = {
  async find(ctx, reference) {
    const row = await ctx.db.select().from(applications).where(eq(applications.reference, normaliseReference(reference))).get();
    return row && { row, facts: { id: row.id, codeHash: row.accessCodeHash, failedLookups: row.failedLookups, lockedUntil: row.lookupLockedUntil } };
  },
  async countFailure(ctx, id, { maxFailures, lockUntil }) {
    await ctx.db
      .update(applications)
      .set({
        failedLookups: sql`${applications.failedLookups} + 1`,
        lookupLockedUntil: sql`case when ${applications.failedLookups} + 1 >= ${maxFailures} then ${lockUntil} else ${applications.lookupLockedUntil} end`,
      })
      .where(eq(applications.id, id));
  },
  async reset(ctx, id) {
    await ctx.db.update(applications).set({ failedLookups: 0, lookupLockedUntil: null }).where(eq(applications.id, id));
  },
};

export function findForFamily(ctx: ServiceCtx, receipt: { reference: string; accessCode: string }): Promise<ApplicationRow> {
  return checkReceipt(ctx, applicationReceipts, RECEIPT_POLICY.application, { reference: receipt.reference, code: receipt.accessCode, codeField: ACCESS_CODE_FIELD });
}
