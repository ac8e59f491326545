/**
 * The receipt page a filer gets after submitting (the redirect's target, so a reload shows
 * it again and files nothing): the reference, the receipt code in groups that never break
 * inside a group, with copy and save-as-image buttons (both from ../receipt-code, shared with
 * the enrolment receipt), the deadlines, then what happens next; and the page for an expired receipt. Escaped by hono/html.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { CATEGORY_INFO } from "../../domain/complaint/categories";
import { ANSWER_WITHIN_DAYS, MAX_EXTENSION_DAYS, REVIEW_REQUEST_WITHIN_DAYS } from "../../domain/complaint/deadlines";
import { chineseDate } from "../../domain/complaint/time";
import { DEPARTMENT_LABELS, type Department } from "../../domain/staff/departments";
import { emergencyNotice } from "./complaint-form";
import { accessCodeHtml, codeActionsHtml } from "../receipt-code";
import type { SubmittedComplaint } from "../../../functions/services/complaint/submit-complaint";

type H = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The receipt page after its half hour (or in another browser): where to look instead. */
export function receiptExpiredPage(): H {
  return html`<h1>回执页面已过期</h1>
<p>为保护您的查询码，提交后的回执页面只在这个浏览器中保留30分钟。投诉已经提交的，请用回执上的受理编号和查询码<a href="/complain/track/">查询办理进度</a>；没有提交成功的，请<a href="/complain/">重新填写投诉</a>。</p>`;
}

export function confirmationPage(s: SubmittedComplaint): H {
  const info = CATEGORY_INFO[s.category];
  return html`${info.emergency ? emergencyNotice() : ""}
<h1>投诉已提交</h1>
<div class="receipt">
  <h2>投诉回执</h2>
  <dl>
    <dt>受理编号</dt><dd><strong>${s.reference}</strong></dd>
    <dt>查询码</dt><dd>${accessCodeHtml(s.receiptCode, "receipt-code")}${codeActionsHtml(s.reference, s.receiptCode, "教育投诉回执")}</dd>
    <dt>提交日期</dt><dd>${chineseDate(s.receivedOn)}</dd>
    <dt>投诉类别</dt><dd>${info.label}</dd>
    <dt>拟交办部门</dt><dd>${DEPARTMENT_LABELS[s.department as Department]}</dd>
  </dl>
  <p><strong>请现在抄下、复制查询码或保存为图片。</strong>查询码在本页只显示这一次，${s.anonymous ? "您是匿名投诉，查询码丢失后无法找回，工作人员也无法查到。" : "受理编号和查询码也已发送到您留下的手机或电子邮箱，工作人员无法查到查询码；办理进展会通知您留下的联系方式。"}</p>
</div>
<h2>接下来会怎样</h2>
<ul class="prose">
  <li>${chineseDate(s.acceptDue)}（含）前决定是否受理，不予受理会写明理由。</li>
  <li>受理后${ANSWER_WITHIN_DAYS}日内答复；情况复杂的可以延长一次，最多${MAX_EXTENSION_DAYS}日，延期须经分管负责人批准并写明理由。</li>
  <li>对答复不满意，可以在收到答复后${REVIEW_REQUEST_WITHIN_DAYS}日内申请复查。</li>
  <li>期限按自然日计算（北京时间），等待您补充材料期间暂停计算。</li>
</ul>
<p class="no-print"><a href="/complain/track/">查询办理进度</a></p>`;
}

