/**
 * `GET /api/staff/me`: who is signed in and what their role may do (the console home page
 * lists these actions, straight from the permission matrix).
 */
import { Hono } from "hono";
import { permit, type StaffEnv } from "../../middleware/staff-auth";
import { contextOf } from "../../services/context";
import { whoAmI } from "../../services/staff/who-am-i";

export const staffMeRoutes = new Hono<StaffEnv>().get("/", permit(whoAmI.action), async (c) => c.json(await whoAmI({ ctx: contextOf(c), input: {} }), 200));
