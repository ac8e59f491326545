/**
 * Queues a message to a family or complainant in the caller's transaction (the outbox
 * pattern): committed with the change it announces, sent later by deliverOutbox. The
 * recipient is sealed and stored masked for the console; callers write bodies that name the
 * reference only, never ID numbers. A body that carries an access code (the receipt sent at
 * submission, a recovered code) is marked `secret` and sealed like the recipient, under the
 * message's id; the console never shows it. Submissions seal the recipient (and a secret
 * body) ahead of their transaction with sealRecipient and pass it in.
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
  /** The body carries an access code: stored sealed. */
  secret?: boolean;
};

export const recipientContext = (id: string) => `outbox:${id}:to`;
export const bodyContext = (id: string) => `outbox:${id}:body`;

/** A message's id and its recipient (and a secret body, when given), sealed under that id. */
export type SealedRecipient = { id: string; to: string; recipientSealed: string; secretBody?: { body: string; sealed: string } };

/**
 * Seals a recipient before the transaction opens: on the Node entry every transaction holds
 * the one database lock, and each encryption awaits the thread pool, so sealing inside would
 * make every other request wait for it.
 */
export async function sealRecipient(ctx: SecureCtx, to: string, secretBody?: string): Promise<SealedRecipient> {
  const id = crypto.randomUUID();
  const [recipientSealed, sealedBody] = await Promise.all([sealField(ctx.keys, recipientContext(id), to), secretBody === undefined ? undefined : sealField(ctx.keys, bodyContext(id), secretBody)]);
  return { id, to, recipientSealed, ...(secretBody !== undefined && sealedBody ? { secretBody: { body: secretBody, sealed: sealedBody } } : {}) };
}

export async function enqueueMessage(tx: Tx, ctx: SecureCtx, m: OutboxMessageInput, sealed?: SealedRecipient): Promise<void> {
  const { id, recipientSealed, secretBody } = sealed?.to === m.to ? sealed : await sealRecipient(ctx, m.to, m.secret ? m.body : undefined);
  // A secret body known only inside the transaction (it names a reference drawn there) is sealed here.
  const body = !m.secret ? m.body : secretBody?.body === m.body ? secretBody.sealed : await sealField(ctx.keys, bodyContext(id), m.body);
  await tx.insert(outboxMessages).values({
    id,
    channel: m.channel,
    recipientSealed,
    recipientMasked: m.channel === "sms" ? maskPhone(m.to) : maskEmail(m.to),
    subject: m.subject,
    body,
    bodySealed: m.secret === true,
    aboutKind: m.about.kind,
    aboutId: m.about.id,
    status: "pending",
    attempts: 0,
    createdAt: ctx.clock.now().toISOString(),
  });
}
