/**
 * The outbox of messages to families and complainants: a message is queued in the same
 * transaction as the change it announces (so none is sent for a rolled-back change, and none
 * lost for a committed one) and delivered afterwards by deliverOutbox through the configured
 * transport. The recipient is sealed (field-crypto, context `outbox:<id>:to`); the console
 * lists only the masked form. Bodies never carry ID numbers; a body that carries an access
 * code (the family's receipt, a recovered code) is sealed too (`body_sealed`, context
 * `outbox:<id>:body`) and the console shows only its subject.
 *
 * Delivery is at least once: a deliverer claims a message with a lease (`claim_token`,
 * `claimed_until`); a claim whose lease ran out (the deliverer crashed or hung between claim
 * and sent) is taken again by the next run. The provider is told the message id as its dedupe
 * id, so a message sent twice after a crash is recognised by a provider that deduplicates.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const OUTBOX_CHANNELS = ["sms", "email"] as const;
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export const OUTBOX_ABOUT_KINDS = ["application", "complaint"] as const;

export const outboxMessages = sqliteTable(
  "outbox_messages",
  {
    id: text("id").primaryKey(),
    channel: text("channel", { enum: OUTBOX_CHANNELS }).notNull(),
    /** field-crypto sealed recipient (phone number or e-mail address). */
    recipientSealed: text("recipient_sealed").notNull(),
    /** The recipient as staff may see it: "138****5678". */
    recipientMasked: text("recipient_masked").notNull(),
    subject: text("subject").notNull(),
    /** The text sent; field-crypto sealed when `bodySealed` (it carries an access code). */
    body: text("body").notNull(),
    bodySealed: integer("body_sealed", { mode: "boolean" }).notNull().default(false),
    aboutKind: text("about_kind", { enum: OUTBOX_ABOUT_KINDS }).notNull(),
    aboutId: text("about_id").notNull(),
    /** pending → sending → sent; a transport error (or an expired lease) puts it back to pending until the last attempt, then failed; staff may queue a failed one again. */
    status: text("status", { enum: OUTBOX_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** A short error code from the transport (never the recipient or the body). */
    lastError: text("last_error"),
    /** ISO 8601 UTC. */
    createdAt: text("created_at").notNull(),
    sentAt: text("sent_at"),
    /** Random token of the deliverer holding the claim; only that deliverer may settle it. */
    claimToken: text("claim_token"),
    /** ISO 8601 UTC end of the claim's lease; a "sending" message past it is claimed again. */
    claimedUntil: text("claimed_until"),
  },
  (t) => [index("outbox_messages_status_idx").on(t.status, t.createdAt), index("outbox_messages_about_idx").on(t.aboutKind, t.aboutId)],
);
