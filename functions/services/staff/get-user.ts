/** `getUser({ ctx, input: { id } })`: one account, if the actor's scope covers it; anything else is 404, audited. */
import { eq } from "drizzle-orm";
import { staffUsers } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import { inScope } from "../../../src/domain/staff/permissions";
import { writeAudit } from "../audit/internal/write-audit";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { NO_SUCH_USER } from "./internal/change-user";
import { toUserView, type UserView } from "./internal/user-view";

export const getUser = staffVerb("users.read", async ({ ctx, input }: { ctx: StaffCtx; input: { id: string } }, { scope }): Promise<UserView> => {
  const row = await ctx.db.select().from(staffUsers).where(eq(staffUsers.id, input.id)).get();
  if (!row || !inScope(scope, ctx.actor.department, row.department)) {
    await writeAudit(ctx.db, ctx, { action: "users.read", outcome: "denied", actor: ctx.actor, objectType: "staff_user", objectId: input.id, detail: "not_found_or_out_of_scope" });
    throw new DomainError("not_found", NO_SUCH_USER);
  }
  return toUserView(row);
});
