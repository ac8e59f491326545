/** `requestReview`: the filer asks for a review of the answer, once, within 30 days of it. */
import { eq } from "drizzle-orm";
import { complaints } from "../../../db/schema";
import { canRequestReview } from "../../../src/domain/complaint/deadlines";
import type { ReviewRequestInput } from "../../../src/domain/complaint/schemas";
import { nextStatus } from "../../../src/domain/complaint/states";
import { shanghaiDate } from "../../../src/domain/complaint/time";
import { DomainError } from "../../../src/domain/errors";
import type { ServiceCtx } from "../context";
import { caseByReceipt, filerChange } from "./internal/filer-case";
import type { FilerView } from "./internal/filer-view";
import { recordEvent } from "./internal/record-event";

const TOO_LATE = "申请复查须在收到答复之日起 30 日内提出，现已超过期限。";

export async function requestReview({ ctx, input }: { ctx: ServiceCtx; input: ReviewRequestInput }): Promise<FilerView> {
  const row = await caseByReceipt(ctx, input);
  const today = shanghaiDate(ctx.clock.now());
  if (row.reviewRequestedOn) throw new DomainError("conflict", "这件投诉已经申请过复查。");
  if (!canRequestReview(row.answeredOn, today)) throw new DomainError("conflict", TOO_LATE, { fields: [{ path: "reason", message: TOO_LATE }] });
  const status = nextStatus(row.status, "request_review");
  return filerChange(ctx, row, "complaints.request_review", async (tx, at) => {
    await tx.update(complaints).set({ status, reviewRequestedOn: today }).where(eq(complaints.id, row.id));
    await recordEvent(tx, row.id, at, { kind: "request_review", visibility: "public", actor: null, text: input.reason });
  });
}
