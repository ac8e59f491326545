/**
 * `/api/staff/users`: account management for admins (invite, disable, re-enable, reset the
 * second factor, set role and department) and a scoped read for department liaisons. An
 * invitation answers with the one-time initial password, once; it is never stored in clear.
 */
import { Hono } from "hono";
import { z } from "../../../src/domain/zod";
import { InviteUserInput, UpdateUserInput, UserId } from "../../../src/domain/staff/schemas";
import { permit, type StaffEnv } from "../../middleware/staff-auth";
import { contextOf } from "../../services/context";
import { createStaffUser } from "../../services/staff/create-staff-user";
import { disableUser } from "../../services/staff/disable-user";
import { enableUser } from "../../services/staff/enable-user";
import { getUser } from "../../services/staff/get-user";
import { listUsers } from "../../services/staff/list-users";
import { resetSecondFactor } from "../../services/staff/reset-second-factor";
import { setUserRole } from "../../services/staff/set-user-role";
import { jsonBody, paramsOf } from "../../validate";

const Params = z.strictObject({ id: UserId });

export const staffUserRoutes = new Hono<StaffEnv>()
  .get("/", permit(listUsers.action), async (c) => c.json({ users: await listUsers({ ctx: contextOf(c), input: {} }) }, 200))
  .post("/", permit(createStaffUser.action), jsonBody(InviteUserInput), async (c) => c.json(await createStaffUser({ ctx: contextOf(c), input: c.req.valid("json") }), 201))
  .get("/:id", permit(getUser.action), paramsOf(Params), async (c) => c.json({ user: await getUser({ ctx: contextOf(c), input: c.req.valid("param") }) }, 200))
  .patch("/:id", permit(setUserRole.action), paramsOf(Params), jsonBody(UpdateUserInput), async (c) =>
    c.json({ user: await setUserRole({ ctx: contextOf(c), input: { ...c.req.valid("json"), ...c.req.valid("param") } }) }, 200),
  )
  .post("/:id/disable", permit(disableUser.action), paramsOf(Params), async (c) => c.json({ user: await disableUser({ ctx: contextOf(c), input: c.req.valid("param") }) }, 200))
  .post("/:id/enable", permit(enableUser.action), paramsOf(Params), async (c) => c.json({ user: await enableUser({ ctx: contextOf(c), input: c.req.valid("param") }) }, 200))
  .post("/:id/reset-second-factor", permit(resetSecondFactor.action), paramsOf(Params), async (c) =>
    c.json({ user: await resetSecondFactor({ ctx: contextOf(c), input: c.req.valid("param") }) }, 200),
  );
