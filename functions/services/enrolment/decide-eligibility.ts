/**
 * `decideEligibility({ ctx, input: { id, decision, ... } })`: a reviewer decides eligible (with
 * the documented points) or ineligible (with a reason code and a text the family reads); the
 * family is told by SMS to look. A duplicate (a second application for a child who already
 * has one) can only be found ineligible: one child, one place in the draw.
 */
import type { z } from "zod";
import { DomainError } from "../../../src/domain/errors";
import type { DecisionInput } from "../../../src/domain/enrolment/staff-schemas";
import { INELIGIBLE_REASON_LABELS } from "../../../src/domain/enrolment/vocabulary";
import type { SecureCtx, StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { loadForStaff, moveApplication } from "./internal/staff-application";

export const DUPLICATE_NOT_ELIGIBLE = "这是同一名儿童在本批次的重复申请，不能审核为符合条件。请以“重复申请”为由审核为不符合条件，并核对第一份申请。";

export const decideEligibility = staffVerb(
  "applications.review",
  async ({ ctx, input }: { ctx: StaffCtx & SecureCtx; input: { id: string } & z.output<typeof DecisionInput> }) => {
    const { id } = input;
    const row = await loadForStaff(ctx, id);
    const eligible = input.decision === "eligible";
    if (eligible && row.duplicateOf) throw new DomainError("conflict", DUPLICATE_NOT_ELIGIBLE);
    const state = await ctx.db.transaction((tx) =>
      moveApplication(
        tx,
        ctx,
        row,
        eligible ? "decide_eligible" : "decide_ineligible",
        eligible
          ? { points: input.points ?? row.points, decisionReason: null, decisionText: input.text || null }
          : { decisionReason: input.reasonCode!, decisionText: input.text },
        eligible
          ? { message: input.text || "审核通过，将参加统一学位分配。", sms: `您的入学申请${row.reference}审核通过，将参加统一学位分配，结果公布后短信通知。` }
          : {
              message: `${INELIGIBLE_REASON_LABELS[input.reasonCode!]}：${input.text}`,
              sms: `您的入学申请${row.reference}审核未通过，原因和可以怎么做请在“办理进度查询”查看。`,
            },
      ),
    );
    return { id, state };
  },
);
