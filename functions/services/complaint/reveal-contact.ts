/**
 * `revealContact`: the filer's identity for a permitted role, with a reason, audited
 * (SECURITY.md data classes). A liaison may see it only when the filer agreed to department
 * contact; the reason is kept in the case's internal history, the audit row holds only codes.
 */
import { DomainError } from "../../../src/domain/errors";
import { writeAudit } from "../audit/internal/write-audit";
import { staffVerb } from "../staff-verb";
import { openContact } from "./internal/notify-filer";
import { recordEvent } from "./internal/record-event";
import { loadCase, type StaffSecureCtx } from "./internal/staff-case";

export const revealContact = staffVerb(
  "complaints.reveal_contact",
  async ({ ctx, input }: { ctx: StaffSecureCtx; input: { id: string; reason: string } }, access) => {
    const row = await loadCase(ctx.db, ctx, access, input.id);
    const allowed = row.contactMode === "named" && (ctx.actor.role !== "department_liaison" || row.departmentMayContact);
    await ctx.db.transaction(async (tx) => {
      const at = ctx.clock.now().toISOString();
      if (allowed) await recordEvent(tx, row.id, at, { kind: "reveal_contact", visibility: "internal", actor: ctx.actor, text: input.reason });
      await writeAudit(tx, ctx, {
        action: "complaints.reveal_contact",
        outcome: allowed ? "success" : "denied",
        actor: ctx.actor,
        objectType: "complaint",
        objectId: row.reference,
        detail: allowed ? "reason_recorded" : "no_consent_or_anonymous",
      });
    });
    if (!allowed) {
      throw new DomainError("forbidden", row.contactMode === "anonymous" ? "这是匿名投诉，没有投诉人身份信息。" : "投诉人没有同意责任部门直接联系，请通过投诉受理人员沟通。");
    }
    return openContact(ctx, row);
  },
);
