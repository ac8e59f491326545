/**
 * The small vocabulary every form builder in src/forms shares: the HTML value type, a guard
 * that keeps builders synchronous (the browser script inserts their output directly), and
 * how a field's current value is read from the posted values. Builders use hono/html's
 * `html`, which escapes every interpolated value, so what a citizen typed stays text.
 */
import type { HtmlEscapedString } from "hono/utils/html";

export type Html = HtmlEscapedString;
/** Raw form values: nested objects and arrays of strings, as a form post decodes. */
export type FormValues = Record<string, unknown>;

/** `html` results without async parts are plain strings; this keeps the type honest. */
export function sync(value: HtmlEscapedString | Promise<HtmlEscapedString>): Html {
  if (value instanceof Promise) throw new Error("form HTML must not be async");
  return value;
}

/** The string at a dotted path (`guardians.0.phone`) of the values, or "" when absent. */
export function valueAt(values: FormValues, path: string): string {
  let cur: unknown = values;
  for (const key of path.split(".")) {
    if (cur === null || typeof cur !== "object") return "";
    cur = (cur as Record<string, unknown>)[key];
  }
  return typeof cur === "string" ? cur : "";
}
