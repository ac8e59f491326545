/**
 * The GOV.UK error summary, written once: titled 存在以下问题, it takes focus (`autofocus`
 * for a server-rendered page; the browser scripts also call focus() after inserting it) and
 * links each message to its field. Server answers, the static pages' scripts and the staff
 * console all build it here. A field error without a path is listed without a link; a
 * request id, when given, is printed below the list so the bureau can find the log line.
 */
import { html } from "hono/html";
import type { FieldError } from "../domain/errors";
import { fieldId } from "./field-ids";
import { sync, type Html } from "./html";

export const ERROR_SUMMARY_TITLE = "存在以下问题";
/** What a page's `<title>` starts with while it shows errors. */
export const ERROR_TITLE_PREFIX = "错误：";
export const REQUEST_ID_LABEL = "请求编号：";

export type SummaryOptions = {
  /** Where each path's link points; by default the shared field id. `null` lists the message without a link. */
  linkTo?: (path: string) => string | null;
  requestId?: string;
};

/** The summary; empty when there are no errors. */
export function errorSummary(errors: readonly FieldError[], o: SummaryOptions = {}): Html {
  if (errors.length === 0) return sync(html``);
  const target = o.linkTo ?? fieldId;
  const item = ({ path, message }: FieldError) => {
    const id = path ? target(path) : null;
    return id ? html`<li><a href="#${id}">${message}</a></li>` : html`<li>${message}</li>`;
  };
  return sync(html`<div class="error-summary" role="alert" tabindex="-1" autofocus>
  <h2>${ERROR_SUMMARY_TITLE}</h2>
  <ul>
    ${errors.map(item)}
  </ul>${o.requestId ? html`
  <p class="request-id">${REQUEST_ID_LABEL}${o.requestId}</p>` : ""}
</div>`);
}
