/**
 * The development transport for messages to families and complainants: it keeps each
 * message in memory (the staff console can list them) and logs only that one was sent.
 * It is the one fake in the system, standing in for an SMS or e-mail provider we cannot
 * reach; a real provider implements the same `Mailer` interface (see README, "Notifications").
 * Like a provider with idempotency keys, it accepts a message once per `dedupeId`: a resend
 * with a dedupe id it has seen is logged as a duplicate and not delivered again.
 */
import type { Logger, Mailer, OutgoingMessage } from "../deps";

export type LogMailer = Mailer & { readonly sent: readonly (OutgoingMessage & { at: string })[] };

export function createLogMailer(log: Logger, now: () => Date = () => new Date()): LogMailer {
  const sent: (OutgoingMessage & { at: string })[] = [];
  const seen = new Set<string>();
  return {
    transport: "log",
    sent,
    async send(message) {
      // The recipient and body are personal data: never logged (SECURITY.md item 11); the dedupe id is an opaque id.
      if (seen.has(message.dedupeId)) {
        log.info("message.duplicate", { channel: message.channel, dedupeId: message.dedupeId });
        return;
      }
      seen.add(message.dedupeId);
      sent.push({ ...message, at: now().toISOString() });
      log.info("message.sent", { channel: message.channel, dedupeId: message.dedupeId });
    },
  };
}
