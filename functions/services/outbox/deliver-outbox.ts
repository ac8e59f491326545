/**
 * `deliverOutbox({ ctx, input: { limit } })`: sends queued messages through the configured transport (deps.mailer), oldest first. Each
 * message is claimed (pending → sending, a conditional update) before it is sent, so two
 * deliverers running at once never send the same message twice; a transport error puts it
 * back to pending until MAX_ATTEMPTS, then marks it failed. Delivery is at-least-once: a
 * process killed between the send and the mark leaves it "sending" (listed in the console).
 * Runs outside any transaction: a slow provider must not hold the database.
 */
import { and, asc, eq } from "drizzle-orm";
import { outboxMessages } from "../../../db/schema";
import type { AppDeps } from "../../deps";
import { fieldKeysOf, openField } from "../../platform/field-crypto";
import { recipientContext } from "./internal/enqueue-message";

export const MAX_ATTEMPTS = 5;

/** What delivery needs: no request, no blob store, so the CLI can build it without a server. */
export type OutboxDeps = Pick<AppDeps, "db" | "mailer" | "clock" | "log" | "config">;

export async function deliverOutbox({ ctx, input }: { ctx: OutboxDeps; input: { limit?: number } }): Promise<{ sent: number; failed: number }> {
  const { db, mailer, clock, log } = ctx;
  const { limit = 50 } = input;
  const keys = fieldKeysOf(ctx.config.secrets);
  const pending = await db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.status, "pending"))
    .orderBy(asc(outboxMessages.createdAt), asc(outboxMessages.id))
    .limit(limit)
    .all();
  let sent = 0;
  let failed = 0;
  for (const m of pending) {
    const claimed = await db
      .update(outboxMessages)
      .set({ status: "sending", attempts: m.attempts + 1 })
      .where(and(eq(outboxMessages.id, m.id), eq(outboxMessages.status, "pending")))
      .returning({ id: outboxMessages.id })
      .get();
    if (!claimed) continue;
    try {
      const to = await openField(keys, recipientContext(m.id), m.recipientSealed);
      await mailer.send({ to, channel: m.channel, subject: m.subject, body: m.body });
      await db.update(outboxMessages).set({ status: "sent", sentAt: clock.now().toISOString(), lastError: null }).where(eq(outboxMessages.id, m.id));
      sent++;
    } catch (error) {
      const giveUp = m.attempts + 1 >= MAX_ATTEMPTS;
      const code = error instanceof Error ? error.name.slice(0, 60) : "Error";
      await db.update(outboxMessages).set({ status: giveUp ? "failed" : "pending", lastError: code }).where(eq(outboxMessages.id, m.id));
      log.error("outbox.send_failed", { id: m.id, attempts: m.attempts + 1, gaveUp: giveUp });
      if (giveUp) failed++;
    }
  }
  if (pending.length > 0) log.info("outbox.delivered", { sent, failed });
  return { sent, failed };
}
