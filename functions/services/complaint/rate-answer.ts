/** `rateAnswer`: the filer rates the answer once, with the receipt; the case moves on. */
import { eq } from "drizzle-orm";
import { complaints } from "../../../db/schema";
import type { RateInput } from "../../../src/domain/complaint/schemas";
import { nextStatus, RATING_LABELS } from "../../../src/domain/complaint/states";
import { DomainError } from "../../../src/domain/errors";
import type { ServiceCtx } from "../context";
import { caseByReceipt, filerChange } from "./internal/filer-case";
import type { FilerView } from "./internal/filer-view";
import { recordEvent } from "./internal/record-event";

export async function rateAnswer({ ctx, input }: { ctx: ServiceCtx; input: RateInput }): Promise<FilerView> {
  const row = await caseByReceipt(ctx, input);
  if (row.rating) throw new DomainError("conflict", "您已经评价过这次答复。");
  const status = nextStatus(row.status, "rate");
  return filerChange(ctx, row, "complaints.rate", async (tx, at) => {
    await tx.update(complaints).set({ rating: input.rating, status }).where(eq(complaints.id, row.id));
    await recordEvent(tx, row.id, at, { kind: "rate", visibility: "public", actor: null, detail: input.rating, text: RATING_LABELS[input.rating] });
  });
}
