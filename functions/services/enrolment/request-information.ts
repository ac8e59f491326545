/**
 * `requestInformation({ ctx, input: { id, message } })`: a reviewer asks the family for more
 * (the message goes on its timeline, an SMS tells it to look).
 */
import type { z } from "zod";
import type { RequestInfoInput } from "../../../src/domain/enrolment/staff-schemas";
import type { SecureCtx, StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { loadForStaff, moveApplication } from "./internal/staff-application";

export const requestInformation = staffVerb(
  "applications.review",
  async ({ ctx, input }: { ctx: StaffCtx & SecureCtx; input: { id: string } & z.output<typeof RequestInfoInput> }) => {
    const { id } = input;
    const row = await loadForStaff(ctx, id);
    const state = await ctx.db.transaction((tx) =>
      moveApplication(tx, ctx, row, "request_info", {}, {
        message: input.message,
        sms: `您的入学申请${row.reference}需要补充材料，请在“办理进度查询”用受理编号和查询码查看要求并上传。`,
      }),
    );
    return { id, state };
  },
);
