/**
 * `requestReview`: the filer asks for a review of the answer, once, within 30 days of it. A
 * refusal names its real reason (src/domain/complaint/filer-steps): not accepted, merged,
 * not yet answered, already reviewed, or too late.
 */
import { eq } from "drizzle-orm";
import { complaints } from "../../../db/schema";
import { reviewRefusal } from "../../../src/domain/complaint/filer-steps";
import type { ReviewRequestInput } from "../../../src/domain/complaint/schemas";
import { nextStatus } from "../../../src/domain/complaint/states";
import { shanghaiDate } from "../../../src/domain/complaint/time";
import { DomainError } from "../../../src/domain/errors";
import type { ServiceCtx } from "../context";
import { eventsOf } from "./internal/case-facts";
import { caseByReceipt, filerChange } from "./internal/filer-case";
import { answerFactsOf, type FilerView } from "./internal/filer-view";
import { recordEvent } from "./internal/record-event";

export async function requestReview({ ctx, input }: { ctx: ServiceCtx; input: ReviewRequestInput }): Promise<FilerView> {
  const row = await caseByReceipt(ctx, input);
  const today = shanghaiDate(ctx.clock.now());
  const refusal = reviewRefusal(answerFactsOf(row, await eventsOf(ctx.db, row.id)), today);
  if (refusal) throw new DomainError("conflict", refusal, { fields: [{ path: "reason", message: refusal }] });
  const status = nextStatus(row.status, "request_review");
  return filerChange(ctx, row, "complaints.request_review", async (tx, at) => {
    await tx.update(complaints).set({ status, reviewRequestedOn: today }).where(eq(complaints.id, row.id));
    await recordEvent(tx, row.id, at, { kind: "request_review", visibility: "public", actor: null, text: input.reason });
  });
}
