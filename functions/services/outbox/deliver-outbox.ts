/**
 * `deliverOutbox({ ctx, input: { limit, leaseSeconds } })`: sends queued messages through the
 * configured transport (deps.mailer), oldest first, at least once. Each message is claimed
 * with a lease (a conditional update sets status "sending", a random claim token and
 * `claimed_until`), so two deliverers running at once never send the same message; a
 * deliverer killed between the claim and the mark leaves a claim whose lease runs out, and the
 * next run claims the message again and sends it. The message id rides along as the
 * provider's dedupe id, so a provider that deduplicates shows a resend after a crash once. A
 * transport error puts the message back to pending until MAX_ATTEMPTS, then marks it failed
 * (staff may queue it again: resendMessage). Runs outside any transaction: a slow provider
 * must not hold the database. The lease must outlast the provider's own send timeout. A
 * sealed body queued before its reference existed (a submission's batch) carries
 * REFERENCE_SLOT; it gets the reference of the complaint or application it is about here.
 */
import { and, asc, eq, getTableColumns, isNull, lte, or, sql } from "drizzle-orm";
import { applications, complaints, outboxMessages } from "../../../db/schema";
import type { AppDeps } from "../../deps";
import { fieldKeysOf, openField } from "../../platform/field-crypto";
import { bodyContext, fillReference, recipientContext } from "./internal/enqueue-message";

export const MAX_ATTEMPTS = 5;
/** How long a claim holds before another run may take the message again. */
export const OUTBOX_LEASE_SECONDS = 120;

/** What delivery needs: no request, no blob store, so the CLI can build it without a server. */
export type OutboxDeps = Pick<AppDeps, "db" | "mailer" | "clock" | "log" | "config">;

type Row = typeof outboxMessages.$inferSelect;
type Waiting = Row & { reference: string | null };

/** The reference of the row a message is about (for REFERENCE_SLOT in a sealed body). */
const aboutReference = sql<string | null>`case ${outboxMessages.aboutKind}
  when 'complaint' then (select ${complaints.reference} from ${complaints} where ${complaints.id} = ${outboxMessages.aboutId})
  when 'application' then (select ${applications.reference} from ${applications} where ${applications.id} = ${outboxMessages.aboutId}) end`;

/** Waiting to be sent: pending, or "sending" under a lease that has run out (or a claim from before leases). */
const claimable = (nowIso: string) =>
  or(eq(outboxMessages.status, "pending"), and(eq(outboxMessages.status, "sending"), or(isNull(outboxMessages.claimedUntil), lte(outboxMessages.claimedUntil, nowIso))));

export async function deliverOutbox({ ctx, input }: { ctx: OutboxDeps; input: { limit?: number; leaseSeconds?: number } }): Promise<{ sent: number; failed: number }> {
  const { db, clock, log } = ctx;
  const { limit = 50, leaseSeconds = OUTBOX_LEASE_SECONDS } = input;
  const waiting = await db
    .select({ ...getTableColumns(outboxMessages), reference: aboutReference })
    .from(outboxMessages)
    .where(claimable(clock.now().toISOString()))
    .orderBy(asc(outboxMessages.createdAt), asc(outboxMessages.id))
    .limit(limit)
    .all();
  let sent = 0;
  let failed = 0;
  for (const m of waiting) {
    const outcome = await deliverOne(ctx, m, leaseSeconds);
    if (outcome === "sent") sent++;
    if (outcome === "failed") failed++;
  }
  if (waiting.length > 0) log.info("outbox.delivered", { sent, failed });
  return { sent, failed };
}

async function deliverOne(ctx: OutboxDeps, m: Waiting, leaseSeconds: number): Promise<"sent" | "failed" | "retry" | "skipped"> {
  const { db, mailer, clock, log } = ctx;
  const now = clock.now();
  const token = crypto.randomUUID();
  const reclaim = m.status === "sending";
  // A message whose every attempt ended in a crash is given up like one whose every send failed.
  const exhausted = reclaim && m.attempts >= MAX_ATTEMPTS;
  const claimed = await db
    .update(outboxMessages)
    .set(
      exhausted
        ? { status: "failed", lastError: "LeaseExpired", claimToken: null, claimedUntil: null }
        : { status: "sending", attempts: m.attempts + 1, claimToken: token, claimedUntil: new Date(now.getTime() + leaseSeconds * 1000).toISOString() },
    )
    .where(and(eq(outboxMessages.id, m.id), eq(outboxMessages.attempts, m.attempts), claimable(now.toISOString())))
    .returning({ id: outboxMessages.id })
    .get();
  if (!claimed) return "skipped";
  if (reclaim) log.error("outbox.lease_expired", { id: m.id, attempts: m.attempts, gaveUp: exhausted });
  if (exhausted) return "failed";
  const settle = (set: Partial<Row>) =>
    db
      .update(outboxMessages)
      .set({ ...set, claimToken: null, claimedUntil: null })
      .where(and(eq(outboxMessages.id, m.id), eq(outboxMessages.claimToken, token)))
      .returning({ id: outboxMessages.id })
      .get();
  try {
    const keys = fieldKeysOf(ctx.config.secrets);
    const to = await openField(keys, recipientContext(m.id), m.recipientSealed);
    const body = m.bodySealed ? fillReference(await openField(keys, bodyContext(m.id), m.body), m.reference) : m.body;
    await mailer.send({ to, channel: m.channel, subject: m.subject, body, dedupeId: m.id });
    // Another run may have taken the message after our lease ran out; the provider saw the same dedupe id.
    if (!(await settle({ status: "sent", sentAt: clock.now().toISOString(), lastError: null }))) log.error("outbox.lease_lost", { id: m.id });
    return "sent";
  } catch (error) {
    const giveUp = m.attempts + 1 >= MAX_ATTEMPTS;
    const code = error instanceof Error ? error.name.slice(0, 60) : "Error";
    await settle({ status: giveUp ? "failed" : "pending", lastError: code });
    log.error("outbox.send_failed", { id: m.id, attempts: m.attempts + 1, gaveUp: giveUp });
    return giveUp ? "failed" : "retry";
  }
}
