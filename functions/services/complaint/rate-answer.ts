/**
 * `rateAnswer`: the filer rates the latest answer (the original, or the review's answer)
 * once, with the receipt; the case moves on. A refusal names its real reason
 * (src/domain/complaint/filer-steps).
 */
import { eq } from "drizzle-orm";
import { complaints } from "../../../db/schema";
import { rateRefusal } from "../../../src/domain/complaint/filer-steps";
import type { RateInput } from "../../../src/domain/complaint/schemas";
import { nextStatus, RATING_LABELS } from "../../../src/domain/complaint/states";
import { DomainError } from "../../../src/domain/errors";
import type { ServiceCtx } from "../context";
import { eventsOf } from "./internal/case-facts";
import { caseByReceipt, filerChange } from "./internal/filer-case";
import { answerFactsOf, type FilerView } from "./internal/filer-view";
import { recordEvent } from "./internal/record-event";

export async function rateAnswer({ ctx, input }: { ctx: ServiceCtx; input: RateInput }): Promise<FilerView> {
  const row = await caseByReceipt(ctx, input);
  const refusal = rateRefusal(answerFactsOf(row, await eventsOf(ctx.db, row.id)));
  if (refusal) throw new DomainError("conflict", refusal, { fields: [{ path: "rating", message: refusal }] });
  const status = nextStatus(row.status, "rate");
  return filerChange(ctx, row, "complaints.rate", async (tx, at) => {
    await tx.update(complaints).set({ rating: input.rating, status }).where(eq(complaints.id, row.id));
    await recordEvent(tx, row.id, at, { kind: "rate", visibility: "public", actor: null, detail: input.rating, text: RATING_LABELS[input.rating] });
  });
}
