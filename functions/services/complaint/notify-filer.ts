/**
 * Tells a named filer that something happened to their case, through the shared outbox in
 * the same transaction as the change. Anonymous filers are never contacted (they read the
 * news with their receipt). Messages name the reference only: no receipt code, no
 * complaint text, no staff names (SECURITY.md item 11).
 */
import { openField } from "../../platform/field-crypto";
import { enqueueMessage } from "../outbox/enqueue-message";
import type { SecureCtx, Tx } from "../context";
import type { ComplaintRow } from "./case-facts";

export const contactContext = (complaintId: string) => `complaint:${complaintId}:contact`;

export type SealedContact = { name: string; phone: string | null; email: string | null };

export async function openContact(ctx: SecureCtx, row: Pick<ComplaintRow, "id" | "contactSealed">): Promise<SealedContact | null> {
  if (!row.contactSealed) return null;
  return JSON.parse(await openField(ctx.keys, contactContext(row.id), row.contactSealed)) as SealedContact;
}

export async function notifyFiler(tx: Tx, ctx: SecureCtx, row: Pick<ComplaintRow, "id" | "reference" | "contactSealed">, news: string): Promise<void> {
  const contact = await openContact(ctx, row);
  if (!contact) return;
  const body = `您的投诉（受理编号 ${row.reference}）${news}请在“投诉办理进度查询”页面用受理编号和查询码查看详情。`;
  const to = contact.phone ?? contact.email;
  if (!to) return;
  await enqueueMessage(tx, ctx, {
    channel: contact.phone ? "sms" : "email",
    to,
    subject: `投诉 ${row.reference} 办理进展`,
    body,
    about: { kind: "complaint", id: row.id },
  });
}
