/**
 * The family's tracking form (reference + access code, POSTed: the code never goes in a
 * URL), written once: the prerendered /track/ page and the API's answer to a refused lookup
 * both render it, the latter with the error summary's messages beside the fields and the
 * reference kept. The access code is never written back into the page. Built without
 * whitespace between tags, as Astro writes its own markup, so the built page is unchanged.
 */
import { html } from "hono/html";
import type { FieldError } from "../../domain/errors";
import { fieldAttrs, fieldClass, fieldError, hintId, valueAttr } from "../field";
import { sync, type Html } from "../html";

export function trackForm({ values = {}, errors = [] }: { values?: { reference?: string }; errors?: readonly FieldError[] } = {}): Html {
  return sync(html`<form class="enrol-form" method="post" action="/api/enrol/track" novalidate><div class="${fieldClass(errors, "reference")}"><label for="field-reference">受理编号</label><p class="hint" id="${hintId("reference")}">例如RX2026-00042</p>${fieldError(errors, "reference")}<input id="field-reference" name="reference" type="text" class="input-medium" autocomplete="off" spellcheck="false"${valueAttr(values.reference)}${fieldAttrs(errors, "reference", hintId("reference"))}></div><div class="${fieldClass(errors, "accessCode")}"><label for="field-accessCode">查询码</label><p class="hint" id="${hintId("accessCode")}">由字母和数字组成，可以不输入短横线，不区分大小写</p>${fieldError(errors, "accessCode")}<input id="field-accessCode" name="accessCode" type="text" autocomplete="off" spellcheck="false"${fieldAttrs(errors, "accessCode", hintId("accessCode"))}></div><button type="submit">查询</button></form>`);
}
