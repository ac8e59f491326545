/**
 * `createStaffUser({ ctx, input })`: an admin invites a colleague: a new account whose one-time
 * initial password is answered once and never stored in clear (internal/insert-staff-user).
 */
import type { InviteUserInput } from "../../../src/domain/staff/schemas";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { insertStaffUser, type CreatedUser } from "./internal/insert-staff-user";

export const createStaffUser = staffVerb("users.manage", async ({ ctx, input }: { ctx: StaffCtx; input: InviteUserInput }): Promise<CreatedUser> =>
  insertStaffUser({ ctx, input, actor: ctx.actor }),
);
