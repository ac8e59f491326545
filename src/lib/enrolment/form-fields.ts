/**
 * HTML builders for the GOV.UK form pattern (label, hint, message beside the field, input),
 * used by the enrolment form on the static pages (through Astro's set:html) and by the no-JS
 * answers the API renders into the page shell, so both show exactly the same form. Built with
 * hono/html's `html`, which escapes every interpolated value: what a family typed can never
 * become markup. Field ids come from src/lib/form-ids, so error-summary links find the field.
 */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { FieldError } from "../../domain/errors";
import { fieldErrorId, fieldId } from "../form-ids";

export type Html = HtmlEscapedString;
/** Raw form values: nested objects and arrays of strings, as a form post decodes. */
export type FormValues = Record<string, unknown>;

/** `html` results without async parts are plain strings; this keeps the type honest. */
export function sync(value: HtmlEscapedString | Promise<HtmlEscapedString>): Html {
  if (value instanceof Promise) throw new Error("form HTML must not be async");
  return value;
}

export function valueAt(values: FormValues, path: string): string {
  let cur: unknown = values;
  for (const key of path.split(".")) {
    if (cur === null || typeof cur !== "object") return "";
    cur = (cur as Record<string, unknown>)[key];
  }
  return typeof cur === "string" ? cur : "";
}

export type FieldCtx = { values: FormValues; errors: readonly FieldError[] };

function errorOf(ctx: FieldCtx, path: string): Html {
  const found = ctx.errors.find((e) => e.path === path);
  return sync(found ? html`<p class="field-error" id="${fieldErrorId(path)}"><span class="visually-hidden">错误：</span>${found.message}</p>` : html``);
}

function describedBy(ctx: FieldCtx, path: string, hint: boolean): Html {
  const ids = [hint ? `${fieldId(path)}-hint` : "", ctx.errors.some((e) => e.path === path) ? fieldErrorId(path) : ""].filter(Boolean);
  const invalid = ctx.errors.some((e) => e.path === path);
  return sync(html`${ids.length ? html` aria-describedby="${ids.join(" ")}"` : ""}${invalid ? raw(' aria-invalid="true"') : ""}`);
}

const hintOf = (path: string, hint?: string) => sync(hint ? html`<p class="hint" id="${fieldId(path)}-hint">${hint}</p>` : html``);

export function textField(
  ctx: FieldCtx,
  path: string,
  label: string,
  o: { hint?: string; type?: string; autocomplete?: string; inputmode?: string; width?: "short" | "medium" | "long"; maxlength?: number } = {},
): Html {
  const invalid = ctx.errors.some((e) => e.path === path);
  return sync(html`<div class="field${invalid ? " field-invalid" : ""}">
  <label for="${fieldId(path)}">${label}</label>
  ${hintOf(path, o.hint)}${errorOf(ctx, path)}
  <input id="${fieldId(path)}" name="${path}" type="${o.type ?? "text"}" class="input-${o.width ?? "long"}" value="${valueAt(ctx.values, path)}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ""}${o.inputmode ? html` inputmode="${o.inputmode}"` : ""}${o.maxlength ? html` maxlength="${o.maxlength}"` : ""} spellcheck="false"${describedBy(ctx, path, !!o.hint)} />
</div>`);
}

export function textArea(ctx: FieldCtx, path: string, label: string, o: { hint?: string; maxlength?: number } = {}): Html {
  const invalid = ctx.errors.some((e) => e.path === path);
  return sync(html`<div class="field${invalid ? " field-invalid" : ""}">
  <label for="${fieldId(path)}">${label}</label>
  ${hintOf(path, o.hint)}${errorOf(ctx, path)}
  <textarea id="${fieldId(path)}" name="${path}" rows="4"${o.maxlength ? html` maxlength="${o.maxlength}"` : ""}${describedBy(ctx, path, !!o.hint)}>${valueAt(ctx.values, path)}</textarea>
</div>`);
}

export type Option = { value: string; label: string };

/** Radios in a fieldset; the first radio carries the field id, so a summary link focuses it. */
export function radios(ctx: FieldCtx, path: string, legend: string, options: readonly Option[], o: { hint?: string; inline?: boolean } = {}): Html {
  const current = valueAt(ctx.values, path);
  const invalid = ctx.errors.some((e) => e.path === path);
  return sync(html`<fieldset class="field${invalid ? " field-invalid" : ""}"${describedBy(ctx, path, !!o.hint)}>
  <legend>${legend}</legend>
  ${hintOf(path, o.hint)}${errorOf(ctx, path)}
  <div class="radios${o.inline ? " radios-inline" : ""}">
    ${options.map(
      (opt, i) => html`<div class="radio">
      <input type="radio" id="${i === 0 ? fieldId(path) : `${fieldId(path)}-${opt.value}`}" name="${path}" value="${opt.value}"${current === opt.value ? raw(" checked") : ""} />
      <label for="${i === 0 ? fieldId(path) : `${fieldId(path)}-${opt.value}`}">${opt.label}</label>
    </div>`,
    )}
  </div>
</fieldset>`);
}

export type OptionGroup = { label: string; options: readonly Option[] };

export function select(ctx: FieldCtx, path: string, label: string, groups: readonly OptionGroup[] | readonly Option[], o: { hint?: string; placeholder?: string } = {}): Html {
  const current = valueAt(ctx.values, path);
  const invalid = ctx.errors.some((e) => e.path === path);
  const option = (opt: Option) => html`<option value="${opt.value}"${current === opt.value ? raw(" selected") : ""}>${opt.label}</option>`;
  const body = groups.map((g) => ("options" in g ? html`<optgroup label="${g.label}">${g.options.map(option)}</optgroup>` : option(g)));
  return sync(html`<div class="field${invalid ? " field-invalid" : ""}">
  <label for="${fieldId(path)}">${label}</label>
  ${hintOf(path, o.hint)}${errorOf(ctx, path)}
  <select id="${fieldId(path)}" name="${path}"${describedBy(ctx, path, !!o.hint)}>
    <option value="">${o.placeholder ?? "请选择"}</option>
    ${body}
  </select>
</div>`);
}

export function checkbox(ctx: FieldCtx, path: string, label: string, o: { hint?: string } = {}): Html {
  const checked = valueAt(ctx.values, path) === "yes";
  const invalid = ctx.errors.some((e) => e.path === path);
  return sync(html`<div class="field${invalid ? " field-invalid" : ""}">
  ${errorOf(ctx, path)}
  <div class="checkbox">
    <input type="checkbox" id="${fieldId(path)}" name="${path}" value="yes"${checked ? raw(" checked") : ""}${describedBy(ctx, path, !!o.hint)} />
    <label for="${fieldId(path)}">${label}</label>
  </div>
  ${hintOf(path, o.hint)}
</div>`);
}

/**
 * The GOV.UK error summary (存在以下问题, links to each field by the shared ids), in the
 * same markup as functions/views/error-summary.ts, for the browser script, which renders its
 * forms with these builders too.
 */
export function errorSummaryHtml(errors: readonly FieldError[]): Html {
  if (errors.length === 0) return sync(html``);
  return sync(html`<div class="error-summary" role="alert" tabindex="-1">
  <h2>存在以下问题</h2>
  <ul>
    ${errors.map(({ path, message }) => (path ? html`<li><a href="#${fieldId(path)}">${message}</a></li>` : html`<li>${message}</li>`))}
  </ul>
</div>`);
}
