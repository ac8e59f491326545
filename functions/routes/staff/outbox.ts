/**
 * `/api/staff/outbox`: the recent messages to families and complainants with their delivery
 * status, recipients masked (permission `outbox.read`), and `POST /:id/resend` to queue a
 * failed message again (`outbox.resend`). The console shows it, with a banner when the
 * transport is the development log one.
 */
import { Hono } from "hono";
import { z } from "../../../src/domain/zod";
import { permit, type StaffEnv } from "../../middleware/staff-auth";
import { contextOf } from "../../services/context";
import { listOutbox } from "../../services/outbox/list-outbox";
import { resendMessage } from "../../services/outbox/resend-message";
import { paramsOf } from "../../validate";

const Params = z.strictObject({ id: z.uuid("消息编号不正确") });

export const staffOutboxRoutes = new Hono<StaffEnv>()
  .get("/", permit(listOutbox.action), async (c) =>
    c.json(await listOutbox({ ctx: contextOf(c), input: { transport: c.var.deps.mailer.transport ?? "provider" } }), 200),
  )
  .post("/:id/resend", permit(resendMessage.action), paramsOf(Params), async (c) =>
    c.json(await resendMessage({ ctx: contextOf(c), input: c.req.valid("param") }), 200),
  );
