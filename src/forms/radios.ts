/**
 * Radios in a fieldset (GOV.UK radios): the question is the legend, the first radio carries
 * the field id so a summary link focuses it, the others add their value to it.
 */
import { html, raw } from "hono/html";
import { fieldId } from "./field-ids";
import { attrsOf, fieldClass, fieldError, hintOf, type FieldCtx, type Option } from "./field";
import { fieldset } from "./fieldset";
import { sync, valueAt, type Html } from "./html";

/** The id of one radio: the field id for the first, so the summary link lands on the group. */
export const radioId = (path: string, value: string, index: number) => (index === 0 ? fieldId(path) : `${fieldId(path)}-${value}`);

export function radios(ctx: FieldCtx, path: string, legend: string, options: readonly Option[], o: { hint?: string; inline?: boolean } = {}): Html {
  const current = valueAt(ctx.values, path);
  return fieldset(
    { legend, className: fieldClass(ctx.errors, path), attrs: attrsOf(ctx, path, o.hint) },
    sync(html`${hintOf(path, o.hint)}${fieldError(ctx.errors, path)}
  <div class="radios${o.inline ? " radios-inline" : ""}">
    ${options.map(
      (opt, i) => html`<div class="radio">
      <input type="radio" id="${radioId(path, opt.value, i)}" name="${path}" value="${opt.value}"${current === opt.value ? raw(" checked") : ""} />
      <label for="${radioId(path, opt.value, i)}">${opt.label}</label>
    </div>`,
    )}
  </div>`),
  );
}
