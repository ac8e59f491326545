/**
 * A complaint filer's phone as the staff search box reads it (issue 19): the numbers a named
 * filer may give (a mobile, or a landline with its area code), and whether a search text is
 * one of them. Normalised as the application side normalises phones (`normalisePhone`: NFKC,
 * separators and the +86 country code dropped), so "138-0013-8000" and "＋86 13800138000"
 * find the case filed as 13800138000. Such a search is answered by the phone's blind index
 * only, never by matching plaintext.
 */
import { normalisePhone } from "../enrolment/typed-input";

/** A mobile number, or a landline with its area code, without separators. */
export const COMPLAINT_PHONE = /^(1[3-9]\d{9}|0\d{9,11})$/;

/** The normalised phone a search text names, or null when it is not a phone number. */
export function searchedPhone(q: string): string | null {
  const phone = normalisePhone(q.trim());
  return COMPLAINT_PHONE.test(phone) ? phone : null;
}
