/**
 * The receipt of a no-JavaScript filing, carried from the POST to the receipt page
 * (POST-redirect-GET, issue 22 item 4) in a cookie rather than the URL: the receipt code
 * must never sit in a URL (history, logs, Referer). The cookie is sealed with field-crypto
 * (AES-GCM bound to its purpose, so it can be neither read nor forged), HttpOnly, SameSite
 * Strict, Secure, scoped to the receipt page's path and short-lived, with its expiry also
 * inside the seal. Reloading the receipt page shows it again and files nothing; after half
 * an hour the page says to track with the reference and code instead. Chosen over a sealed
 * one-time token in the URL because a one-time token would break exactly that reload.
 */
import { openField, sealField, type FieldKeys } from "../../../platform/field-crypto";
import type { SubmittedComplaint } from "../submit-complaint";

export const RECEIPT_COOKIE = "complaint_receipt";
export const RECEIPT_PAGE_PATH = "/api/complaints/receipt";
export const RECEIPT_COOKIE_MINUTES = 30;
const PURPOSE = "complaint-receipt-cookie";

export async function sealReceipt(keys: FieldKeys, receipt: SubmittedComplaint, now: Date): Promise<string> {
  const expires = now.getTime() + RECEIPT_COOKIE_MINUTES * 60 * 1000;
  return sealField(keys, PURPOSE, JSON.stringify({ receipt, expires }));
}

/** The receipt, or null when the cookie is missing, expired, or not ours. */
export async function openReceipt(keys: FieldKeys, value: string | undefined, now: Date): Promise<SubmittedComplaint | null> {
  if (!value) return null;
  try {
    const { receipt, expires } = JSON.parse(await openField(keys, PURPOSE, value)) as { receipt: SubmittedComplaint; expires: number };
    return expires > now.getTime() ? receipt : null;
  } catch {
    return null;
  }
}
