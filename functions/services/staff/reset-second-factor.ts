/**
 * `resetSecondFactor({ ctx, input: { id } })`: an admin clears an account's TOTP secret (a lost
 * phone); the account enrols again at its next sign-in and its sessions end at once.
 */
import { eq } from "drizzle-orm";
import { staffUsers } from "../../../db/schema";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { changeUser, endSessions } from "./internal/change-user";

export const resetSecondFactor = staffVerb("users.manage", async ({ ctx, input }: { ctx: StaffCtx; input: { id: string } }) =>
  changeUser(ctx, input.id, "reset_second_factor", async (tx, row, at) => {
    await tx
      .update(staffUsers)
      .set({ totpSecret: null, totpConfirmedAt: null, totpLastStep: null, updatedAt: at })
      .where(eq(staffUsers.id, row.id));
    await endSessions(tx, row.id);
    return undefined;
  }),
);
