/**
 * The GOV.UK error pattern for console forms: one summary titled 存在以下问题 that takes
 * focus and links to each field, the message beside the field, `错误：` before the title.
 * Messages are set with textContent only: nothing from the server is parsed as HTML.
 */
import type { ApiError } from "./api";

const TITLE_PREFIX = "错误：";

export function clearErrors(form: HTMLFormElement): void {
  form.querySelector(".error-summary")?.remove();
  for (const el of form.querySelectorAll(".field-error")) el.remove();
  for (const el of form.querySelectorAll("[aria-invalid]")) {
    el.removeAttribute("aria-invalid");
    el.removeAttribute("aria-describedby");
  }
  if (document.title.startsWith(TITLE_PREFIX)) document.title = document.title.slice(TITLE_PREFIX.length);
}

export function showErrors(form: HTMLFormElement, error: ApiError): void {
  clearErrors(form);
  const fields = error.fields?.length ? error.fields : [{ path: "", message: error.message }];
  const summary = document.createElement("div");
  summary.className = "error-summary";
  summary.setAttribute("role", "alert");
  summary.tabIndex = -1;
  const heading = document.createElement("h2");
  heading.textContent = "存在以下问题";
  const list = document.createElement("ul");
  for (const { path, message } of fields) {
    const input = path ? form.querySelector<HTMLInputElement>(`[name="${CSS.escape(path)}"]`) : null;
    const item = document.createElement("li");
    if (input?.id) {
      const link = document.createElement("a");
      link.href = `#${input.id}`;
      link.textContent = message;
      item.append(link);
      const note = document.createElement("p");
      note.className = "field-error";
      note.id = `${input.id}-error`;
      note.textContent = message;
      input.before(note);
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", note.id);
    } else {
      item.textContent = message;
    }
    list.append(item);
  }
  if (error.requestId) {
    const ref = document.createElement("p");
    ref.className = "request-id";
    ref.textContent = `请求编号：${error.requestId}`;
    summary.append(heading, list, ref);
  } else summary.append(heading, list);
  form.prepend(summary);
  document.title = `${TITLE_PREFIX}${document.title}`;
  summary.focus();
}
