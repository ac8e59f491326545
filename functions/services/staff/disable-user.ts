/** `disableUser({ ctx, input: { id } })`: an admin disables an account; its sessions end at once. */
import { eq } from "drizzle-orm";
import { staffUsers } from "../../../db/schema";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { changeUser, endSessions } from "./internal/change-user";

export const disableUser = staffVerb("users.manage", async ({ ctx, input }: { ctx: StaffCtx; input: { id: string } }) =>
  changeUser(ctx, input.id, "disable", async (tx, row, at) => {
    await tx.update(staffUsers).set({ disabledAt: row.disabledAt ?? at, updatedAt: at }).where(eq(staffUsers.id, row.id));
    await endSessions(tx, row.id);
    return undefined;
  }),
);
