/**
 * `listUsers({ ctx, input: {} })`: the accounts the actor may see; a department liaison sees
 * only its own department's, with the same scope rule as single reads so the two can never
 * disagree.
 */
import { asc } from "drizzle-orm";
import { staffUsers } from "../../../db/schema";
import { inScope } from "../../../src/domain/staff/permissions";
import type { StaffCtx } from "../context";
import { staffVerb, type NoInput } from "../staff-verb";
import { toUserView, type UserView } from "./internal/user-view";

export const listUsers = staffVerb("users.read", async ({ ctx }: { ctx: StaffCtx; input: NoInput }, { scope }): Promise<UserView[]> => {
  const rows = await ctx.db.select().from(staffUsers).orderBy(asc(staffUsers.email)).all();
  return rows.filter((row) => inScope(scope, ctx.actor.department, row.department)).map(toUserView);
});
