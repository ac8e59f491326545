/**
 * `/api/staff/outbox`: the recent messages to families and complainants with their delivery
 * status, recipients masked (permission `outbox.read`). The console shows it, with a
 * banner when the transport is the development log one.
 */
import { Hono } from "hono";
import { permit, type StaffEnv } from "../../middleware/staff-auth";
import { contextOf } from "../../services/context";
import { listOutbox } from "../../services/outbox/list-outbox";

export const staffOutboxRoutes = new Hono<StaffEnv>().get("/", permit(listOutbox.action), async (c) =>
  c.json(await listOutbox({ ctx: contextOf(c), input: { transport: c.var.deps.mailer.transport ?? "provider" } }), 200),
);
