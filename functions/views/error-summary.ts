/**
 * Server-rendered GOV.UK error pattern for no-JS form answers, in the same markup and
 * classes as the browser's summary (src/scripts/staff/error-summary.ts): one summary titled
 * 存在以下问题 linking to each field by the shared ids of src/lib/form-ids, and the message
 * beside the field. Built with hono/html's `html`, which escapes every interpolated value, so
 * a citizen's input or a message can never become markup. `autofocus` gives the summary the
 * focus the browser script gives it with JavaScript.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { FieldError } from "../../src/domain/errors";
import { fieldErrorId, fieldId } from "../../src/lib/form-ids";

export const ERROR_SUMMARY_TITLE = "存在以下问题";

/** The summary; empty when there are no errors. A field error without a path is listed without a link. */
export function errorSummary(fields: readonly FieldError[]): HtmlEscapedString | Promise<HtmlEscapedString> {
  if (fields.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" autofocus>
  <h2>${ERROR_SUMMARY_TITLE}</h2>
  <ul>
    ${fields.map(({ path, message }) => (path ? html`<li><a href="#${fieldId(path)}">${message}</a></li>` : html`<li>${message}</li>`))}
  </ul>
</div>`;
}

/** The message beside one field (put it just before the input); empty when the field has no error. */
export function fieldError(fields: readonly FieldError[], path: string): HtmlEscapedString | Promise<HtmlEscapedString> {
  const found = fields.find((f) => f.path === path);
  return found ? html`<p class="field-error" id="${fieldErrorId(path)}">${found.message}</p>` : html``;
}

/** Attributes for an input that has an error: `aria-invalid` and `aria-describedby` to its message. */
export function invalidAttrs(fields: readonly FieldError[], path: string): HtmlEscapedString | Promise<HtmlEscapedString> {
  return fields.some((f) => f.path === path) ? html` aria-invalid="true" aria-describedby="${fieldErrorId(path)}"` : html``;
}
