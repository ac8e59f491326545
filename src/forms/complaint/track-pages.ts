/**
 * The filer's tracking pages for the no-JavaScript path: the receipt form (again with its
 * errors) and the case as the filer may see it, with the follow-up forms open now (rate,
 * ask for review, add information), each proving the receipt again in hidden fields.
 * Escaped by hono/html: above all what the filer or staff wrote.
 */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { schoolName } from "../../domain/complaint/schemas";
import { RATINGS, RATING_LABELS } from "../../domain/complaint/states";
import { chineseDate } from "../../domain/complaint/time";
import type { FieldError } from "../../domain/errors";
import { errorSummary } from "../error-summary";
import { fieldError } from "../field";
import { fieldId as fid } from "../field-ids";
import { radioId } from "../radios";
import { trackForm } from "./track-form";
import type { FormValues } from "./complaint-form";
import type { FilerView } from "../../../functions/services/complaint/internal/filer-view";

type H = HtmlEscapedString | Promise<HtmlEscapedString>;

export function trackFormWithErrors(values: FormValues, errors: FieldError[]): H {
  return html`<h1>投诉办理进度查询</h1>
${errorSummary(errors)}
${trackForm({ values, errors })}`;
}

function receiptFields(reference: string, code: string): H {
  return html`<input type="hidden" name="reference" value="${reference}" /><input type="hidden" name="code" value="${code}" />`;
}

/** A follow-up form with one text area (ask for review, add information), proving the receipt again. */
function followUp(v: FilerView, code: string, errors: readonly FieldError[], values: FormValues, o: { action: string; title: string; path: string; label: string; submit: string; hint?: string }): H {
  return html`<form class="public-form" method="post" action="/api/complaints/track/${o.action}" novalidate>
  ${receiptFields(v.reference, code)}
  <h2>${o.title}</h2>
  <div class="field">
    <label for="${fid(o.path)}">${o.label}</label>
    ${o.hint ? html`<p class="hint">${o.hint}</p>
    ` : ""}${fieldError(errors, o.path)}
    <textarea name="${o.path}" id="${fid(o.path)}" rows="4">${values[o.path] ?? ""}</textarea>
  </div>
  <button type="submit">${o.submit}</button>
</form>`;
}

/** The filer's view of the case, with the follow-up forms that are open now. `errors` belong to one of them. */
export function trackResultPage(v: FilerView, code: string, errors: FieldError[] = [], values: FormValues = {}): H {
  return html`<h1>投诉${v.reference}</h1>
${errorSummary(errors)}
<dl class="receipt">
  <dt>当前状态</dt><dd id="case-status">${v.statusLabel}</dd>
  <dt>投诉类别</dt><dd>${v.categoryLabel}</dd>
  <dt>学校</dt><dd>${schoolName(v.school)}</dd>
  <dt>提交日期</dt><dd>${chineseDate(v.receivedOn)}</dd>
  ${v.department ? html`<dt>责任部门</dt><dd>${v.department}</dd>` : ""}
  <dt>受理决定期限</dt><dd>${v.acceptance.words}</dd>
  ${v.answerClock ? html`<dt>答复期限</dt><dd>${v.answerClock.words}</dd>` : ""}
</dl>
${v.notAcceptedReason ? html`<h2>不予受理的理由</h2><p class="answer-text">${v.notAcceptedReason}</p>` : ""}
${
  v.answer
    ? html`<section aria-labelledby="answer-title" id="answer">
  <h2 id="answer-title">答复（${chineseDate(v.answer.answeredOn)}）</h2>
  <p><strong>办理结果：${v.answer.outcomeLabel}</strong></p>
  <p class="answer-text">${v.answer.text}</p>
  ${v.rating ? html`<p>您的评价：${v.rating.label}</p>` : ""}
</section>`
    : ""
}
<h2>办理过程</h2>
<ol class="case-timeline">
  ${v.timeline.map((e) => html`<li><span class="when">${chineseDate(e.on)}</span>${e.label}${e.text ? html`<blockquote>${e.text}</blockquote>` : ""}</li>`)}
</ol>
${
  v.canRate
    ? html`<form class="public-form" method="post" action="/api/complaints/track/rate" novalidate>
  ${receiptFields(v.reference, code)}
  <fieldset class="field">
    <legend><h2 class="legend-heading">评价答复</h2></legend>
    ${fieldError(errors, "rating")}
    ${RATINGS.map(
      (r, i) => html`<div class="choice"><input type="radio" name="rating" value="${r}" id="${radioId("rating", r, i)}"${values.rating === r ? raw(" checked") : ""} /><label for="${radioId("rating", r, i)}">${RATING_LABELS[r]}</label></div>`,
    )}
  </fieldset>
  <button type="submit">提交评价</button>
</form>`
    : ""
}
${v.canRequestReview ? followUp(v, code, errors, values, { action: "review", title: "申请复查", path: "reason", label: "申请复查的理由", submit: "申请复查", hint: `可以在${v.reviewOpenUntil ? chineseDate(v.reviewOpenUntil) : ""}（含）前申请。复查在30日内答复。` }) : ""}
${v.canAddInformation ? followUp(v, code, errors, values, { action: "information", title: "补充材料", path: "text", label: "补充的内容", submit: "提交补充" }) : ""}
<p><a href="/complain/track/">查询另一件投诉</a></p>`;
}
