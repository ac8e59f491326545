/**
 * `whoAmI({ ctx, input: {} })`: who is signed in and what their role may do (the console home
 * page lists these actions, straight from the permission matrix).
 */
import { actionsOf, scopeOf } from "../../../src/domain/staff/permissions";
import type { StaffCtx } from "../context";
import { staffVerb, type NoInput } from "../staff-verb";

export const whoAmI = staffVerb("console.home", async ({ ctx: { actor } }: { ctx: StaffCtx; input: NoInput }) => {
  const actions = actionsOf(actor.role).map((action) => ({ action, scope: scopeOf(actor.role, action)! }));
  return { user: { id: actor.userId, email: actor.email, displayName: actor.displayName, role: actor.role, department: actor.department }, actions };
});
