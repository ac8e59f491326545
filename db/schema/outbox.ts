/**
 * The outbox of messages to families and complainants: a message is queued in the same
 * transaction as the change it announces (so none is sent for a rolled-back change, and none
 * lost for a committed one) and delivered afterwards by deliverOutbox through the configured
 * transport. The recipient is sealed (field-crypto, context `outbox:<id>:to`); the console
 * lists only the masked form. Bodies never carry ID numbers or access codes.
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
    body: text("body").notNull(),
    aboutKind: text("about_kind", { enum: OUTBOX_ABOUT_KINDS }).notNull(),
    aboutId: text("about_id").notNull(),
    /** pending → sending → sent; a transport error puts it back to pending until the last attempt, then failed. */
    status: text("status", { enum: OUTBOX_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** A short error code from the transport (never the recipient or the body). */
    lastError: text("last_error"),
    /** ISO 8601 UTC. */
    createdAt: text("created_at").notNull(),
    sentAt: text("sent_at"),
  },
  (t) => [index("outbox_messages_status_idx").on(t.status, t.createdAt), index("outbox_messages_about_idx").on(t.aboutKind, t.aboutId)],
);
