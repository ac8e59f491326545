/**
 * Tells a named filer that something happened to their case, through the shared outbox in
 * the same transaction as the change. Anonymous filers are never contacted (they read the
 * news with their receipt). Messages name the reference only: no complaint text, no staff
 * names (SECURITY.md item 11). The one exception is the receipt sent at filing (issue 22
 * item 4), which carries the receipt code as the enrolment receipt SMS does: it is queued
 * `secret`, so the outbox keeps its body sealed and the console never shows it.
 */
import { openField } from "../../../platform/field-crypto";
import { enqueueMessage, type OutboxMessageInput } from "../../outbox/internal/enqueue-message";
import type { SecureCtx, Tx } from "../../context";
import type { ComplaintRow } from "./case-facts";

export const contactContext = (complaintId: string) => `complaint:${complaintId}:contact`;

export type SealedContact = { name: string; phone: string | null; email: string | null };

export async function openContact(ctx: SecureCtx, row: Pick<ComplaintRow, "id" | "contactSealed">): Promise<SealedContact | null> {
  if (!row.contactSealed) return null;
  return JSON.parse(await openField(ctx.keys, contactContext(row.id), row.contactSealed)) as SealedContact;
}

export async function notifyFiler(tx: Tx, ctx: SecureCtx, row: Pick<ComplaintRow, "id" | "reference" | "contactSealed">, news: string): Promise<void> {
  const message = filerMessage(row, news, await openContact(ctx, row));
  if (message) await enqueueMessage(tx, ctx, message);
}

/** Where the filer is told (phone first, then email), or null for an anonymous filer. */
export const filerAddress = (contact: SealedContact | null): string | null => contact?.phone ?? contact?.email ?? null;

/** The message telling a named filer `news` about their case; null when there is no one to tell. */
export function filerMessage(row: Pick<ComplaintRow, "id" | "reference">, news: string, contact: SealedContact | null): OutboxMessageInput | null {
  const to = filerAddress(contact);
  if (!contact || !to) return null;
  return {
    channel: contact.phone ? "sms" : "email",
    to,
    subject: `投诉${row.reference}办理进展`,
    body: `您的投诉（受理编号${row.reference}）${news}请在“投诉办理进度查询”页面用受理编号和查询码查看详情。`,
    about: { kind: "complaint", id: row.id },
  };
}

/** The receipt at filing: reference and receipt code, to the filer's phone (or e-mail), sealed at rest. */
export function filerReceiptMessage(row: Pick<ComplaintRow, "id" | "reference">, code: string, acceptWithinDays: number, contact: SealedContact | null): OutboxMessageInput | null {
  const message = filerMessage(row, "", contact);
  if (!message) return null;
  return {
    ...message,
    subject: `投诉${row.reference}回执`,
    body: `您的投诉已收到。受理编号：${row.reference}；查询码：${code}。我们将在${acceptWithinDays}日内决定是否受理并告知您。请保存本消息，不要把查询码告诉他人；在“投诉办理进度查询”页面输入受理编号和查询码即可查看办理进度。`,
    secret: true,
  };
}
