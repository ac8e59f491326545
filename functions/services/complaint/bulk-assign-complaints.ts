/**
 * `bulkAssignComplaints`: intake gives checked cases of the queue to one staff member (or
 * takes them back: `assignee` null), for "assigned to me" (issue 19). The assignee must be an
 * active account whose role reads complaints, and whose department covers each case when its
 * role is department-scoped; every case must be in the actor's scope. All or nothing, in one
 * transaction, with one audit row per case.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { complaints, staffUsers } from "../../../db/schema";
import type { BulkAssignInput } from "../../../src/domain/complaint/schemas";
import { DomainError } from "../../../src/domain/errors";
import { inScope, scopeOf } from "../../../src/domain/staff/permissions";
import { writeAudit } from "../audit/internal/write-audit";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { NO_SUCH_COMPLAINT } from "./internal/staff-case";

const NO_SUCH_ASSIGNEE = "找不到这位承办人，或其角色不能办理投诉。";

export const bulkAssignComplaints = staffVerb("complaints.assign", async ({ ctx, input }: { ctx: StaffCtx; input: BulkAssignInput }, { action, scope }): Promise<{ assigned: number }> => {
  const assignee = input.assignee
    ? await ctx.db.select().from(staffUsers).where(and(eq(staffUsers.id, input.assignee), isNull(staffUsers.disabledAt))).get()
    : null;
  const reads = assignee ? scopeOf(assignee.role, "complaints.read") : null;
  if (input.assignee && (!assignee || !reads)) throw new DomainError("validation", NO_SUCH_ASSIGNEE, { fields: [{ path: "assignee", message: NO_SUCH_ASSIGNEE }] });
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.select({ id: complaints.id, reference: complaints.reference, department: complaints.department }).from(complaints).where(inArray(complaints.id, input.ids)).all();
    const missing = input.ids.filter((id) => !rows.some((r) => r.id === id && inScope(scope, ctx.actor.department, r.department)));
    if (missing.length) throw new DomainError("not_found", NO_SUCH_COMPLAINT);
    const outside = assignee && reads ? rows.filter((r) => !inScope(reads, assignee.department, r.department)) : [];
    if (outside.length) {
      const message = `承办人所在部门不负责${outside.map((r) => r.reference).join("、")}。`;
      throw new DomainError("validation", message, { fields: [{ path: "assignee", message }] });
    }
    const at = ctx.clock.now().toISOString();
    await tx.update(complaints).set({ assignedTo: input.assignee, updatedAt: at }).where(inArray(complaints.id, input.ids));
    for (const r of rows) {
      await writeAudit(tx, ctx, { action, outcome: "success", actor: ctx.actor, objectType: "complaint", objectId: r.reference, detail: `assignee:${input.assignee ?? "none"}` });
    }
    return { assigned: rows.length };
  });
});
