/**
 * `addInformation`: the filer adds to an open case with the receipt. It goes on the public
 * timeline, and any open request for information ends today, so the clock runs again.
 */
import { and, eq, isNull } from "drizzle-orm";
import { complaintPauses } from "../../../db/schema";
import type { AddInformationInput } from "../../../src/domain/complaint/schemas";
import { nextStatus } from "../../../src/domain/complaint/states";
import { shanghaiDate } from "../../../src/domain/complaint/time";
import type { ServiceCtx } from "../context";
import { caseByReceipt, filerChange } from "./internal/filer-case";
import type { FilerView } from "./internal/filer-view";
import { recordEvent } from "./internal/record-event";

export async function addInformation({ ctx, input }: { ctx: ServiceCtx; input: AddInformationInput }): Promise<FilerView> {
  const row = await caseByReceipt(ctx, input);
  nextStatus(row.status, "add_information");
  return filerChange(ctx, row, "complaints.add_information", async (tx, at) => {
    await recordEvent(tx, row.id, at, { kind: "add_information", visibility: "public", actor: null, text: input.text });
    await tx
      .update(complaintPauses)
      .set({ toOn: shanghaiDate(at) })
      .where(and(eq(complaintPauses.complaintId, row.id), isNull(complaintPauses.toOn)));
  });
}
