/**
 * The HTML answers to no-JavaScript complaint posts, rendered into the page shell: the form
 * again with errors, the confirmation (the printable record with the reference, the receipt
 * code and the deadlines), and the filer's view of a case with its follow-up forms. Built
 * with hono/html's `html`: every value, above all what the filer or staff wrote, is escaped.
 */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { CATEGORY_INFO } from "../../../src/domain/complaint/categories";
import { ANSWER_WITHIN_DAYS, MAX_EXTENSION_DAYS, REVIEW_REQUEST_WITHIN_DAYS } from "../../../src/domain/complaint/deadlines";
import { schoolName } from "../../../src/domain/complaint/schemas";
import { RATINGS, RATING_LABELS } from "../../../src/domain/complaint/states";
import { chineseDate } from "../../../src/domain/complaint/time";
import type { FieldError } from "../../../src/domain/errors";
import { DEPARTMENT_LABELS, type Department } from "../../../src/domain/staff/departments";
import { complaintForm, emergencyNotice, fid, type FormValues } from "../../../src/lib/complaint-form";
import type { FilerView } from "../../services/complaint/filer-view";
import type { SubmittedComplaint } from "../../services/complaint/submit-complaint";

type H = HtmlEscapedString | Promise<HtmlEscapedString>;

export function formWithErrors(values: FormValues, errors: FieldError[]): H {
  return html`<h1>投诉举报：学校违规办学行为</h1>${complaintForm({ values, errors })}`;
}

export function confirmationPage(s: SubmittedComplaint): H {
  const info = CATEGORY_INFO[s.category];
  return html`${info.emergency ? emergencyNotice() : ""}
<h1>投诉已提交</h1>
<div class="receipt">
  <h2>投诉回执</h2>
  <dl>
    <dt>受理编号</dt><dd><strong>${s.reference}</strong></dd>
    <dt>查询码</dt><dd><span class="receipt-code" id="receipt-code">${s.receiptCode}</span></dd>
    <dt>提交日期</dt><dd>${chineseDate(s.receivedOn)}</dd>
    <dt>投诉类别</dt><dd>${info.label}</dd>
    <dt>拟交办部门</dt><dd>${DEPARTMENT_LABELS[s.department as Department]}</dd>
  </dl>
  <p><strong>请现在记下或打印本页（浏览器菜单中的“打印”）。</strong>查询码只显示这一次，${s.anonymous ? "您是匿名投诉，查询码丢失后无法找回，工作人员也无法查到。" : "工作人员也无法查到它；办理进展会通知您留下的联系方式。"}</p>
</div>
<h2>接下来会怎样</h2>
<ul class="prose">
  <li>${chineseDate(s.acceptDue)}前，决定是否受理，不予受理会写明理由。</li>
  <li>受理后 ${ANSWER_WITHIN_DAYS} 日内答复；情况复杂的可以延长一次，最多 ${MAX_EXTENSION_DAYS} 日，延期会写明理由。</li>
  <li>对答复不满意，可以在收到答复后 ${REVIEW_REQUEST_WITHIN_DAYS} 日内申请复查。</li>
  <li>期限按自然日计算（北京时间），等待您补充材料期间暂停计算。</li>
</ul>
<p class="no-print"><a href="/complain/track/">查询办理进度</a></p>`;
}

export function trackFormWithErrors(values: FormValues, errors: FieldError[]): H {
  return html`<h1>投诉办理进度查询</h1>
${summaryOf(errors)}
<form class="public-form" method="post" action="/api/complaints/track" novalidate>
  <div class="field">
    <label for="field-reference">受理编号</label>
    ${fieldErrorOf(errors, "reference")}
    <input type="text" name="reference" id="field-reference" class="input-medium" autocomplete="off" spellcheck="false" value="${values.reference ?? ""}" />
  </div>
  <div class="field">
    <label for="field-code">查询码</label>
    ${fieldErrorOf(errors, "code")}
    <input type="text" name="code" id="field-code" autocomplete="off" spellcheck="false" value="${values.code ?? ""}" />
  </div>
  <button type="submit">查询</button>
</form>`;
}

function summaryOf(errors: readonly FieldError[]): H {
  if (errors.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" autofocus>
  <h2>存在以下问题</h2>
  <ul>${errors.map(({ path, message }) => (path ? html`<li><a href="#${fid(path)}">${message}</a></li>` : html`<li>${message}</li>`))}</ul>
</div>`;
}

function fieldErrorOf(errors: readonly FieldError[], path: string): H {
  const found = errors.find((e) => e.path === path);
  return found ? html`<p class="field-error" id="${fid(path)}-error">${found.message}</p>` : html``;
}

function receiptFields(reference: string, code: string): H {
  return html`<input type="hidden" name="reference" value="${reference}" /><input type="hidden" name="code" value="${code}" />`;
}

/** The filer's view of the case, with the follow-up forms that are open now. `errors` belong to one of them. */
export function trackResultPage(v: FilerView, code: string, errors: FieldError[] = [], values: FormValues = {}): H {
  return html`<h1>投诉 ${v.reference}</h1>
${summaryOf(errors)}
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
    ${fieldErrorOf(errors, "rating")}
    ${RATINGS.map(
      (r, i) => html`<div class="choice"><input type="radio" name="rating" value="${r}" id="${i === 0 ? fid("rating") : `${fid("rating")}-${r}`}"${values.rating === r ? raw(" checked") : ""} /><label for="${i === 0 ? fid("rating") : `${fid("rating")}-${r}`}">${RATING_LABELS[r]}</label></div>`,
    )}
  </fieldset>
  <button type="submit">提交评价</button>
</form>`
    : ""
}
${
  v.canRequestReview
    ? html`<form class="public-form" method="post" action="/api/complaints/track/review" novalidate>
  ${receiptFields(v.reference, code)}
  <h2>申请复查</h2>
  <div class="field">
    <label for="${fid("reason")}">申请复查的理由</label>
    <p class="hint">可以在 ${v.reviewOpenUntil ? chineseDate(v.reviewOpenUntil) : ""}前申请。复查在 30 日内答复。</p>
    ${fieldErrorOf(errors, "reason")}
    <textarea name="reason" id="${fid("reason")}" rows="4">${values.reason ?? ""}</textarea>
  </div>
  <button type="submit">申请复查</button>
</form>`
    : ""
}
${
  v.canAddInformation
    ? html`<form class="public-form" method="post" action="/api/complaints/track/information" novalidate>
  ${receiptFields(v.reference, code)}
  <h2>补充材料</h2>
  <div class="field">
    <label for="${fid("text")}">补充的内容</label>
    ${fieldErrorOf(errors, "text")}
    <textarea name="text" id="${fid("text")}" rows="4">${values.text ?? ""}</textarea>
  </div>
  <button type="submit">提交补充</button>
</form>`
    : ""
}
<p><a href="/complain/track/">查询另一件投诉</a></p>`;
}

/** A plain problem page (rate limit, outage) for the no-JS path. */
export function problemPage(title: string, message: string, requestId: string): H {
  return html`<h1>${title}</h1><p>${message}</p><p class="muted">请求编号：${requestId}</p><p><a href="/complain/">返回投诉页面</a></p>`;
}
