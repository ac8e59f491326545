/**
 * One mapping from a field's path in the domain schema (zod's issue path joined with dots,
 * e.g. `guardians.0.phone`, as the API's `{ path, message }` errors carry it) to the HTML ids
 * of its input and of its error message. Shared by the server-rendered error summary
 * (src/forms/error-summary) and the browser scripts, so a summary link always finds its field.
 */

/** `guardians.0.phone` → `field-guardians-0-phone`; characters outside [A-Za-z0-9_-] become `-`. */
export function fieldId(path: string): string {
  const slug = path.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  return slug ? `field-${slug}` : "field-form";
}

/** The id of the message shown beside the field (its input's `aria-describedby`). */
export function fieldErrorId(path: string): string {
  return `${fieldId(path)}-error`;
}
