/**
 * The one mapping from a zod failure to the `{ path, message }[]` field errors that the API
 * answers with, the error summary lists and each field shows beside its input. Used by the
 * API's validators, the no-JS handlers and the browser scripts alike, so a path is always
 * written the same way (`guardians.0.phone`) and always finds its field id (./field-ids).
 */
import type { FieldError } from "../domain/errors";

/** What the mapping reads from a zod error (kept structural so any zod version fits). */
type Issues = { issues: readonly { path: readonly PropertyKey[]; message: string }[] };

/**
 * Each field's first issue as a field error (one problem per field: the family fixes it and
 * then sees the next, never "请输入…" and "…应为 18 位" for the same empty box); `prefix` places
 * a part-schema's paths in the whole form (`consents`).
 */
export function fieldErrorsOf(error: Issues, prefix = ""): FieldError[] {
  const seen = new Set<string>();
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join(".");
    const full = prefix && path ? `${prefix}.${path}` : prefix || path;
    if (seen.has(full)) return [];
    seen.add(full);
    return [{ path: full, message: issue.message }];
  });
}

/** The errors to list for a refusal: its field errors, or its message alone when it has none. */
export function fieldsOrMessage(error: { fields?: readonly FieldError[]; message: string }): FieldError[] {
  return error.fields?.length ? [...error.fields] : [{ path: "", message: error.message }];
}
