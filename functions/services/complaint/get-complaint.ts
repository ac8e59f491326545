/** `getComplaint`: one case as staff see it, for a role whose scope covers it; the read is audited. */
import { writeAudit } from "../audit/internal/write-audit";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { detailOf, loadCase } from "./internal/staff-case";

export const getComplaint = staffVerb("complaints.read", async ({ ctx, input }: { ctx: StaffCtx; input: { id: string } }, access) => {
  const row = await loadCase(ctx.db, ctx, access, input.id);
  await writeAudit(ctx.db, ctx, { action: "complaints.read", outcome: "success", actor: ctx.actor, objectType: "complaint", objectId: row.reference });
  return detailOf(ctx.db, row, ctx.clock.now());
});
