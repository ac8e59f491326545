/**
 * Tells a named filer that something happened to their case, through the shared outbox in
 * the same transaction as the change. Anonymous filers are never contacted (they read the
 * news with their receipt). Messages name the reference only: no receipt code, no
 * complaint text, no staff names (SECURITY.md item 11).
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
    subject: `投诉 ${row.reference} 办理进展`,
    body: `您的投诉（受理编号 ${row.reference}）${news}请在“投诉办理进度查询”页面用受理编号和查询码查看详情。`,
    about: { kind: "complaint", id: row.id },
  };
}
