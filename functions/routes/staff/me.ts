/**
 * `GET /api/staff/me`: who is signed in and what their role may do (the console home page
 * lists these actions, straight from the permission matrix).
 */
import { Hono } from "hono";
import { actionsOf, scopeOf } from "../../../src/domain/staff/permissions";
import { permit, staffCtx, type StaffEnv } from "../../middleware/staff-auth";

export const staffMeRoutes = new Hono<StaffEnv>().get("/", permit("console.home"), (c) => {
  const { actor } = staffCtx(c);
  const actions = actionsOf(actor.role).map((action) => ({ action, scope: scopeOf(actor.role, action)! }));
  return c.json({ user: { id: actor.userId, email: actor.email, displayName: actor.displayName, role: actor.role, department: actor.department }, actions }, 200);
});
