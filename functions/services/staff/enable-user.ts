/** `enableUser({ ctx, input: { id } })`: an admin re-enables a disabled account. */
import { eq } from "drizzle-orm";
import { staffUsers } from "../../../db/schema";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { changeUser } from "./internal/change-user";

export const enableUser = staffVerb("users.manage", async ({ ctx, input }: { ctx: StaffCtx; input: { id: string } }) =>
  changeUser(ctx, input.id, "enable", async (tx, row, at) => {
    await tx.update(staffUsers).set({ disabledAt: null, updatedAt: at }).where(eq(staffUsers.id, row.id));
    return undefined;
  }),
);
