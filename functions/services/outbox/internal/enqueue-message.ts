/**
 * Queues a message to a family or complainant in the caller's transaction (the outbox
 * pattern): committed with the change it announces, sent later by deliverOutbox. The
 * recipient is sealed and stored masked for the console; callers write bodies that name the
 * reference only, never ID numbers or access codes. Submissions seal the recipient ahead of
 * their transaction with sealRecipient and pass it in.
 */
import { outboxMessages, type OUTBOX_ABOUT_KINDS, type OUTBOX_CHANNELS } from "../../../../db/schema";
import { sealField } from "../../../platform/field-crypto";
import { maskEmail, maskPhone } from "../../../../src/domain/masking";
import type { SecureCtx, Tx } from "../../context";

export type OutboxMessageInput = {
  channel: (typeof OUTBOX_CHANNELS)[number];
  to: string;
  subject: string;
  body: string;
  about: { kind: (typeof OUTBOX_ABOUT_KINDS)[number]; id: string };
};

export const recipientContext = (id: string) => `outbox:${id}:to`;

/** A message's id and its recipient, sealed under that id. */
export type SealedRecipient = { id: string; to: string; recipientSealed: string };

/**
 * Seals a recipient before the transaction opens: on the Node entry every transaction holds
 * the one database lock, and each encryption awaits the thread pool, so sealing inside would
 * make every other request wait for it.
 */
export async function sealRecipient(ctx: SecureCtx, to: string): Promise<SealedRecipient> {
  const id = crypto.randomUUID();
  return { id, to, recipientSealed: await sealField(ctx.keys, recipientContext(id), to) };
}

export async function enqueueMessage(tx: Tx, ctx: SecureCtx, m: OutboxMessageInput, sealed?: SealedRecipient): Promise<void> {
  const { id, recipientSealed } = sealed?.to === m.to ? sealed : await sealRecipient(ctx, m.to);
  await tx.insert(outboxMessages).values({
    id,
    channel: m.channel,
    recipientSealed,
    recipientMasked: m.channel === "sms" ? maskPhone(m.to) : maskEmail(m.to),
    subject: m.subject,
    body: m.body,
    aboutKind: m.about.kind,
    aboutId: m.about.id,
    status: "pending",
    attempts: 0,
    createdAt: ctx.clock.now().toISOString(),
  });
}
