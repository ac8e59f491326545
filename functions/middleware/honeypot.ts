/**
 * First-party anti-automation (SECURITY.md item 5; no third-party CAPTCHA, which mainland
 * China often cannot reach): public forms carry a field named `website` that people never
 * see (class `visually-hidden-field`, `tabindex="-1"`, `autocomplete="off"`, labelled
 * 请勿填写此项; src/components/forms/HoneypotField.astro) and naive bots fill in. A filled field
 * is refused with a generic 422 and nothing is stored; the message does not say why.
 * Call it on the raw body (a form body as functions/http/read-body decodes it, or JSON) before
 * the strict schema parses it (`parseForm` in functions/validate does both): it returns the body
 * without the field, so the schema's "no unknown fields" rule still holds for everything else.
 */
import { DomainError } from "../../src/domain/errors";

export const HONEYPOT_FIELD = "website";
export const HONEYPOT_MESSAGE = "提交失败，请刷新页面后重试。";

export function assertNoHoneypot<T extends Record<string, unknown>>(body: T): Omit<T, typeof HONEYPOT_FIELD> {
  const { [HONEYPOT_FIELD]: trap, ...rest } = body;
  const filled = typeof trap === "string" ? trap.trim() !== "" : trap !== undefined && trap !== null;
  if (filled) throw new DomainError("validation", HONEYPOT_MESSAGE);
  return rest;
}
