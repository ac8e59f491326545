/**
 * HTML of the check-answers list and of the confirmation with its printable record, shared by
 * the browser script (JS path) and the API's no-JS answers, so both paths show the same
 * page. Escaped by hono/html; ID numbers and phones are masked on the printable record.
 */
import { html } from "hono/html";
import type { Catalogue } from "../../domain/enrolment/catalogue";
import type { DraftInput } from "../../domain/enrolment/application";
import { permitWarning } from "../../domain/enrolment/permit-rule";
import { fieldId } from "../field-ids";
import { answerSections } from "../../lib/enrolment/answers";
import { sync, type Html } from "../html";
import { accessCodeHtml, codeActionsHtml } from "../receipt-code";
import { beijingDateTime, chineseDate } from "../../domain/complaint/time";

/** `changeHref(path)` gives each change link's target; without it there are no links (print). */
export function answersHtml(catalogue: Catalogue, draft: DraftInput, o: { changeHref?: (path: string) => string; mask?: boolean } = {}): Html {
  return sync(html`${answerSections(catalogue, draft, { mask: o.mask }).map(
    (section) => html`<h3>${section.title}</h3>
<dl class="answers">
  ${section.rows.map(
    (row) => html`<div>
    <dt>${row.label}</dt>
    <dd>${row.value}</dd>
    ${o.changeHref ? html`<dd><a href="${o.changeHref(row.path)}" data-change="${row.path}">修改<span class="visually-hidden">${section.title}的${row.label}</span></a></dd>` : ""}
  </div>`,
  )}
</dl>`,
  )}`);
}

/** The residence-permit warning of the intake's rule (src/domain/enrolment/permit-rule), above the answers; empty when none. */
export function permitNoticeHtml(catalogue: Catalogue, draft: DraftInput, today: string): Html {
  const warning = permitWarning(catalogue.intake, draft.permit.expiresOn, today);
  return warning ? sync(html`<div class="notice notice-urgent" id="permit-warning" role="note"><p>${warning.message}</p></div>`) : sync(html``);
}

export const changeAnchor = (path: string) => `#${fieldId(path)}`;

export type Receipt = { reference: string; accessCode: string; submittedAt: string };

export function confirmationHtml(catalogue: Catalogue, draft: DraftInput, receipt: Receipt): Html {
  const d = catalogue.intake.dates;
  return sync(html`<div class="enrol">
  <div class="panel" role="status">
    <h1>申请已提交</h1>
    <p>受理编号：<span class="code">${receipt.reference}</span></p>
    <p>查询码：${accessCodeHtml(receipt.accessCode)}</p>
    ${codeActionsHtml(receipt.reference, receipt.accessCode)}
    <p>受理编号和查询码已用短信发送到申请人手机，也请抄下、保存图片或打印本页。查询办理进度和接受学位时需要同时输入受理编号和查询码；忘记查询码的，可以在“办理进度查询”页面重新获取。</p>
  </div>
  <h2>接下来会怎样</h2>
  <ol>
    <li>${chineseDate(d.review_ends)}前：审核资格和材料。如需补充材料，我们会发短信通知，请到<a href="/track/">办理进度查询</a>上传。</li>
    <li>${chineseDate(d.allocation_on)}：统一分配学位并公布结果。提交时间的先后不影响结果。</li>
    <li>${chineseDate(d.offer_deadline)}前：查询结果，并在线接受或放弃学位。</li>
  </ol>
  <p>有疑问请致电${catalogue.enquiryPhone}，并说明受理编号（不要告诉任何人查询码）。</p>
  <div class="button-row no-print"><a class="button button-secondary" href="/track/">办理进度查询</a></div>
  <h2>申请记录</h2>
  <p>提交时间：${receipt.submittedAt}（北京时间）</p>
  ${answersHtml(catalogue, draft, { mask: true })}
</div>`);
}

/** Beijing time as printed on records, e.g. 2026年11月29日15:04 (docs/style.md). */
export function beijingTime(iso: string): string {
  return beijingDateTime(iso);
}
