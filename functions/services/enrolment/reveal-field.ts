/**
 * `revealField({ ctx, input: { id, field, reason } })`: one masked answer in full (an ID
 * number, the permit number, the special-needs details), for a reviewer who gives a reason
 * code; audited with the field and the reason.
 */
import { DomainError } from "../../../src/domain/errors";
import { REVEAL_REASON_LABELS, type REVEALABLE_FIELDS, type REVEAL_REASONS } from "../../../src/domain/enrolment/staff-schemas";
import { writeAudit } from "../audit/internal/write-audit";
import type { SecureCtx, StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { openApplication } from "./internal/application-record";
import { loadForStaff } from "./internal/staff-application";

export const revealField = staffVerb(
  "applications.review",
  async ({
    ctx,
    input: { id, field, reason },
  }: {
    ctx: StaffCtx & SecureCtx;
    input: { id: string; field: (typeof REVEALABLE_FIELDS)[number]; reason: (typeof REVEAL_REASONS)[number] };
  }): Promise<{ field: string; value: string; reason: string }> => {
    const row = await loadForStaff(ctx, id);
    const draft = await openApplication(ctx.keys, row);
    const value =
      field === "child.idNumber"
        ? draft.child.idNumber
        : field === "guardians.0.idNumber"
          ? draft.guardians[0]?.idNumber
          : field === "guardians.1.idNumber"
            ? draft.guardians[1]?.idNumber
            : field === "permit.number"
              ? draft.permit.number
              : draft.specialNeeds.has === "yes"
                ? `${draft.specialNeeds.placement}；${draft.specialNeeds.details}`
                : undefined;
    if (value === undefined) throw new DomainError("not_found", "这份申请没有这项内容。");
    await ctx.db.transaction(async (tx) =>
      writeAudit(tx, ctx, { action: "applications.reveal", outcome: "success", actor: ctx.actor, objectType: "application", objectId: id, detail: `${field}:${reason}` }),
    );
    return { field, value, reason: REVEAL_REASON_LABELS[reason] };
  },
);
