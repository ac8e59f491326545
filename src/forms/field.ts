/**
 * The GOV.UK field pattern, written once: label, hint, the message beside the field (with a
 * visually hidden 错误： for screen readers) and the input with `aria-invalid` and
 * `aria-describedby` naming its hint and message. Used by every server-rendered form (the
 * static pages through Astro's set:html, the API's no-JS answers, the browser scripts that
 * re-render a form), so all show exactly the same markup. Ids come from ./field-ids, so a
 * summary link always finds its field.
 */
import { html, raw } from "hono/html";
import type { FieldError } from "../domain/errors";
import { fieldErrorId, fieldId } from "./field-ids";
import { sync, valueAt, type FormValues, type Html } from "./html";

export type { FormValues, Html } from "./html";
export type FieldCtx = { values: FormValues; errors: readonly FieldError[] };

const hasError = (errors: readonly FieldError[], path: string) => errors.some((e) => e.path === path);

/** The message beside one field (put it just before the input); empty when the field has no error. */
export function fieldError(errors: readonly FieldError[], path: string, id = fieldErrorId(path)): Html {
  const found = errors.find((e) => e.path === path);
  return sync(found ? html`<p class="field-error" id="${id}"><span class="visually-hidden">错误：</span>${found.message}</p>` : html``);
}

/** An input's `aria-invalid` and `aria-describedby` (its hint, if `hintId`, and its message). */
export function fieldAttrs(errors: readonly FieldError[], path: string, hintId?: string): Html {
  const invalid = hasError(errors, path);
  const ids = [hintId ?? "", invalid ? fieldErrorId(path) : ""].filter(Boolean).join(" ");
  return sync(html`${invalid ? raw(' aria-invalid="true"') : ""}${ids ? html` aria-describedby="${ids}"` : ""}`);
}

export const hintId = (path: string) => `${fieldId(path)}-hint`;

/** A `value` attribute only when there is one, so an empty prerendered form carries none. */
export function valueAttr(value: string | undefined): Html {
  return sync(value ? html` value="${value}"` : html``);
}
export const hintOf = (path: string, hint?: string) => sync(hint ? html`<p class="hint" id="${hintId(path)}">${hint}</p>` : html``);
export const attrsOf = (ctx: FieldCtx, path: string, hint?: string) => fieldAttrs(ctx.errors, path, hint ? hintId(path) : undefined);

/** The wrapper every field shares: `field-invalid` while it has an error. */
export function fieldClass(errors: readonly FieldError[], path: string, base = "field"): string {
  return hasError(errors, path) ? `${base} field-invalid` : base;
}

export type TextOptions = { hint?: string; type?: string; autocomplete?: string; inputmode?: string; width?: "short" | "medium" | "long"; maxlength?: number };

export function textField(ctx: FieldCtx, path: string, label: string, o: TextOptions = {}): Html {
  return sync(html`<div class="${fieldClass(ctx.errors, path)}">
  <label for="${fieldId(path)}">${label}</label>
  ${hintOf(path, o.hint)}${fieldError(ctx.errors, path)}
  <input id="${fieldId(path)}" name="${path}" type="${o.type ?? "text"}" class="input-${o.width ?? "long"}" value="${valueAt(ctx.values, path)}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ""}${o.inputmode ? html` inputmode="${o.inputmode}"` : ""}${o.maxlength ? html` maxlength="${o.maxlength}"` : ""} spellcheck="false"${attrsOf(ctx, path, o.hint)} />
</div>`);
}

/** A date: the browser's date input (年-月-日), whose value is the schema's ISO date. */
export function dateField(ctx: FieldCtx, path: string, label: string, o: Omit<TextOptions, "type"> = {}): Html {
  return textField(ctx, path, label, { width: "medium", ...o, type: "date" });
}

export function textArea(ctx: FieldCtx, path: string, label: string, o: { hint?: string; maxlength?: number } = {}): Html {
  return sync(html`<div class="${fieldClass(ctx.errors, path)}">
  <label for="${fieldId(path)}">${label}</label>
  ${hintOf(path, o.hint)}${fieldError(ctx.errors, path)}
  <textarea id="${fieldId(path)}" name="${path}" rows="4"${o.maxlength ? html` maxlength="${o.maxlength}"` : ""}${attrsOf(ctx, path, o.hint)}>${valueAt(ctx.values, path)}</textarea>
</div>`);
}

export type Option = { value: string; label: string };
export type OptionGroup = { label: string; options: readonly Option[] };

export function select(ctx: FieldCtx, path: string, label: string, groups: readonly OptionGroup[] | readonly Option[], o: { hint?: string; placeholder?: string } = {}): Html {
  const current = valueAt(ctx.values, path);
  const option = (opt: Option) => html`<option value="${opt.value}"${current === opt.value ? raw(" selected") : ""}>${opt.label}</option>`;
  const body = groups.map((g) => ("options" in g ? html`<optgroup label="${g.label}">${g.options.map(option)}</optgroup>` : option(g)));
  return sync(html`<div class="${fieldClass(ctx.errors, path)}">
  <label for="${fieldId(path)}">${label}</label>
  ${hintOf(path, o.hint)}${fieldError(ctx.errors, path)}
  <select id="${fieldId(path)}" name="${path}"${attrsOf(ctx, path, o.hint)}>
    <option value="">${o.placeholder ?? "请选择"}</option>
    ${body}
  </select>
</div>`);
}

export function checkbox(ctx: FieldCtx, path: string, label: string, o: { hint?: string } = {}): Html {
  const checked = valueAt(ctx.values, path) === "yes";
  return sync(html`<div class="${fieldClass(ctx.errors, path)}">
  ${fieldError(ctx.errors, path)}
  <div class="checkbox">
    <input type="checkbox" id="${fieldId(path)}" name="${path}" value="yes"${checked ? raw(" checked") : ""}${attrsOf(ctx, path, o.hint)} />
    <label for="${fieldId(path)}">${label}</label>
  </div>
  ${hintOf(path, o.hint)}
</div>`);
}
