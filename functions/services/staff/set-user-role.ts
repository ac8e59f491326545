/** `setUserRole({ ctx, input: { id, role, department } })`: an admin sets an account's role and department. */
import { and, eq } from "drizzle-orm";
import { staffUsers } from "../../../db/schema";
import type { UpdateUserInput } from "../../../src/domain/staff/schemas";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { changeUser } from "./internal/change-user";

export const setUserRole = staffVerb("users.manage", async ({ ctx, input }: { ctx: StaffCtx; input: { id: string } & UpdateUserInput }) =>
  changeUser(ctx, input.id, "set_role", async (tx, row, at) => {
    await tx
      .update(staffUsers)
      .set({ role: input.role, department: input.department, updatedAt: at })
      .where(and(eq(staffUsers.id, row.id)));
    return `role:${row.role}->${input.role}`;
  }),
);
