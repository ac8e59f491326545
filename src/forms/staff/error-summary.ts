/**
 * The GOV.UK error pattern for the staff console's forms, in the browser: the one summary of
 * src/forms/error-summary (存在以下问题, a link to each field, the request id) put at the top
 * of the form and focused, the one message beside each field of src/forms/field, and 错误：
 * before the title. Console inputs keep their own ids, so a path's link and message go to the
 * input named by that path. Both builders escape every value (hono/html), so nothing the
 * server sent is parsed as markup.
 */
import { errorSummary, ERROR_TITLE_PREFIX } from "../error-summary";
import { fieldsOrMessage } from "../field-errors";
import { fieldError } from "../field";
import type { FieldError } from "../../domain/errors";

type Refusal = { message: string; fields?: FieldError[]; requestId?: string };

export function clearErrors(form: HTMLFormElement): void {
  form.querySelector(".error-summary")?.remove();
  for (const el of form.querySelectorAll(".field-error")) el.remove();
  for (const el of form.querySelectorAll("[aria-invalid]")) {
    el.removeAttribute("aria-invalid");
    el.removeAttribute("aria-describedby");
  }
  if (document.title.startsWith(ERROR_TITLE_PREFIX)) document.title = document.title.slice(ERROR_TITLE_PREFIX.length);
}

export function showErrors(form: HTMLFormElement, error: Refusal): void {
  clearErrors(form);
  const fields = fieldsOrMessage(error);
  const inputOf = (path: string) => (path ? form.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`) : null);
  form.insertAdjacentHTML("afterbegin", String(errorSummary(fields, { linkTo: (path) => inputOf(path)?.id || null, requestId: error.requestId })));
  for (const { path } of fields) {
    const input = inputOf(path);
    if (!input?.id) continue;
    input.insertAdjacentHTML("beforebegin", String(fieldError(fields, path, `${input.id}-error`)));
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", `${input.id}-error`);
  }
  document.title = `${ERROR_TITLE_PREFIX}${document.title}`;
  form.querySelector<HTMLElement>(".error-summary")?.focus();
}
