/**
 * The filer's tracking form (reference + receipt code, POSTed: the code never goes in a
 * URL), written once: the prerendered /complain/track/ page and the API's answer to a
 * refused lookup both render it, the latter with the messages beside the fields and what
 * was typed kept. Built without whitespace between tags, as Astro writes its own markup, so
 * the built page is unchanged.
 */
import { html } from "hono/html";
import type { FieldError } from "../../domain/errors";
import { fieldAttrs, fieldClass, fieldError, hintId, valueAttr } from "../field";
import { sync, type Html } from "../html";

export function trackForm({ values = {}, errors = [] }: { values?: { reference?: string; code?: string }; errors?: readonly FieldError[] } = {}): Html {
  return sync(html`<form class="public-form" method="post" action="/api/complaints/track" novalidate><div class="${fieldClass(errors, "reference")}"><label for="field-reference">受理编号</label><p class="hint" id="${hintId("reference")}">例如TS2026-00007</p>${fieldError(errors, "reference")}<input type="text" name="reference" id="field-reference" class="input-medium" autocomplete="off" spellcheck="false"${valueAttr(values.reference)}${fieldAttrs(errors, "reference", hintId("reference"))}></div><div class="${fieldClass(errors, "code")}"><label for="field-code">查询码</label><p class="hint" id="${hintId("code")}">回执上分组显示的字母和数字，大小写和短横线都可以不输入。</p>${fieldError(errors, "code")}<input type="text" name="code" id="field-code" autocomplete="off" spellcheck="false"${valueAttr(values.code)}${fieldAttrs(errors, "code", hintId("code"))}></div><button type="submit">查询</button></form>`);
}
