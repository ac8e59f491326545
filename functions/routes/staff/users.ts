/**
 * `/api/staff/users`: account management for admins (invite, disable, re-enable, reset the
 * second factor, set role and department) and a scoped read for department liaisons. An
 * invitation answers with the one-time initial password, once; it is never stored in clear.
 */
import { Hono } from "hono";
import { z } from "../../../src/domain/zod";
import { InviteUserInput, UpdateUserInput, UserId } from "../../../src/domain/staff/schemas";
import { permit, staffCtx, type StaffEnv } from "../../middleware/staff-auth";
import { createStaffUser } from "../../services/staff/create-staff-user";
import { disableUser, enableUser, getUser, listUsers, resetSecondFactor, setUserRole } from "../../services/staff/manage-users";
import { jsonBody, paramsOf } from "../../validate";

const Params = z.strictObject({ id: UserId });

export const staffUserRoutes = new Hono<StaffEnv>()
  .get("/", permit("users.read"), async (c) => c.json({ users: await listUsers({ ctx: staffCtx(c) }) }, 200))
  .post("/", permit("users.manage"), jsonBody(InviteUserInput), async (c) => {
    const ctx = staffCtx(c);
    const created = await createStaffUser({ ctx, input: c.req.valid("json"), actor: ctx.actor });
    return c.json(created, 201);
  })
  .get("/:id", permit("users.read"), paramsOf(Params), async (c) => c.json({ user: await getUser({ ctx: staffCtx(c), id: c.req.valid("param").id }) }, 200))
  .patch("/:id", permit("users.manage"), paramsOf(Params), jsonBody(UpdateUserInput), async (c) =>
    c.json({ user: await setUserRole({ ctx: staffCtx(c), id: c.req.valid("param").id, input: c.req.valid("json") }) }, 200),
  )
  .post("/:id/disable", permit("users.manage"), paramsOf(Params), async (c) =>
    c.json({ user: await disableUser({ ctx: staffCtx(c), id: c.req.valid("param").id }) }, 200),
  )
  .post("/:id/enable", permit("users.manage"), paramsOf(Params), async (c) =>
    c.json({ user: await enableUser({ ctx: staffCtx(c), id: c.req.valid("param").id }) }, 200),
  )
  .post("/:id/reset-second-factor", permit("users.manage"), paramsOf(Params), async (c) =>
    c.json({ user: await resetSecondFactor({ ctx: staffCtx(c), id: c.req.valid("param").id }) }, 200),
  );
