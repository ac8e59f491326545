/**
 * Queues a message to a family or complainant in the caller's transaction (the outbox
 * pattern): committed with the change it announces, sent later by deliverOutbox. The
 * recipient is sealed and stored masked for the console; callers write bodies that name the
 * reference only, never ID numbers. A body that carries an access code (the receipt sent at
 * submission, a recovered code) is marked `secret` and sealed like the recipient, under the
 * message's id; the console never shows it. Submissions seal the recipient (and a secret
 * body) ahead of their transaction with sealRecipient and pass it in. A submission's one
 * atomic batch queues with `queueWhen`: its messages are written with REFERENCE_SLOT where
 * the reference goes, since the batch draws the reference in SQL after everything is sealed;
 * the statement puts the reference into the subject (and a plain body) in SQL, and a sealed
 * body gets it at delivery (`fillReference`, from the row the message is about).
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { outboxMessages, type OUTBOX_ABOUT_KINDS, type OUTBOX_CHANNELS } from "../../../../db/schema";
import { sealField } from "../../../platform/field-crypto";
import { insertSelect } from "../../../platform/insert-select";
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

/** Stands for the reference in a message queued before its reference exists (a submission's batch). */
export const REFERENCE_SLOT = "{{reference}}";

/** A sealed body written with REFERENCE_SLOT, once opened: the reference of the row it is about put in. */
export function fillReference(body: string, reference: string | null): string {
  return reference === null ? body : body.replaceAll(REFERENCE_SLOT, reference);
}

export async function enqueueMessage(tx: Tx, ctx: SecureCtx, m: OutboxMessageInput, sealed?: SealedRecipient): Promise<void> {
  await tx.insert(outboxMessages).values(await outboxValues(ctx, m, sealed));
}

/**
 * One statement of an atomic batch: the message, queued when `when` holds, with `reference`
 * (SQL) in place of REFERENCE_SLOT. Synchronous (a batch statement must not be awaited, which
 * would run it on its own), so the recipient and a secret body come sealed by sealRecipient.
 */
export function queueWhen(db: Db, ctx: SecureCtx, m: OutboxMessageInput, sealed: SealedRecipient, when: SQL, reference: SQL) {
  if (sealed.to !== m.to || (m.secret && sealed.secretBody?.body !== m.body)) throw new Error("queueWhen needs the recipient (and a secret body) sealed for this message");
  const values = rowOf(ctx, m, sealed.id, sealed.recipientSealed, m.secret ? sealed.secretBody!.sealed : m.body);
  const filled = (text: string) => (text.includes(REFERENCE_SLOT) ? sql`replace(${text}, ${REFERENCE_SLOT}, (${reference}))` : text);
  return db.run(insertSelect(outboxMessages, { ...values, subject: filled(values.subject), body: values.bodySealed ? values.body : filled(values.body) }, when));
}

async function outboxValues(ctx: SecureCtx, m: OutboxMessageInput, sealed?: SealedRecipient) {
  const { id, recipientSealed, secretBody } = sealed?.to === m.to ? sealed : await sealRecipient(ctx, m.to, m.secret ? m.body : undefined);
  // A secret body known only inside the transaction (it names a reference drawn there) is sealed here.
  const body = !m.secret ? m.body : secretBody?.body === m.body ? secretBody.sealed : await sealField(ctx.keys, bodyContext(id), m.body);
  return rowOf(ctx, m, id, recipientSealed, body);
}

function rowOf(ctx: SecureCtx, m: OutboxMessageInput, id: string, recipientSealed: string, body: string): typeof outboxMessages.$inferInsert & { subject: string; body: string } {
  return {
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
  };
}
