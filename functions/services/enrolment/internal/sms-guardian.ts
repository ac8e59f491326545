/**
 * The one way the enrolment verbs tell a family something by SMS: the first guardian's phone
 * is opened from the sealed record and the message goes into the outbox in the caller's
 * transaction (so it is sent only if the change it reports is committed). An application with
 * no phone on file gets no SMS; its tracking page still says everything.
 */
import type { SecureCtx, Tx } from "../../context";
import { enqueueMessage } from "../../outbox/internal/enqueue-message";
import { openPersonal } from "./application-record";
import type { ApplicationRow } from "./application-row";

export async function smsGuardian(tx: Tx, ctx: SecureCtx, row: Pick<ApplicationRow, "id" | "personal">, subject: string, body: string): Promise<void> {
  const phone = (await openPersonal(ctx.keys, row)).guardians[0]?.phone;
  if (phone) await enqueueMessage(tx, ctx, { channel: "sms", to: phone, subject, body, about: { kind: "application", id: row.id } });
}
