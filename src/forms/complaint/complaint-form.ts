/**
 * The complaint form as one HTML renderer, used twice: by the prerendered /complain/ page
 * (empty) and by the API when a no-JavaScript post has errors (values kept, the GOV.UK error
 * summary on top, each message beside its field). One renderer means the two can never
 * drift apart. Built with hono/html's `html`, which escapes every interpolated value, so
 * whatever a citizen typed comes back as text. Field ids follow src/forms/field-ids; the summary and
 * the messages beside fields are the shared ones of src/forms.
 */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { CATEGORY_INFO, COMPLAINT_CATEGORIES, type ComplaintCategory } from "../../domain/complaint/categories";
import { HOTLINES, SCHOOL_DIRECTORY, SCHOOL_GROUPS } from "../../domain/complaint/directory.generated";
import { MAX_ATTACHMENTS, NOT_ONE_SCHOOL, TEXT_MAX } from "../../domain/complaint/schemas";
import { MAX_UPLOAD_BYTES, UPLOAD_ACCEPT } from "../../domain/uploads";
import type { FieldError } from "../../domain/errors";
import { clauseHref, clauseRef } from "../../domain/policy/clause";
import { DEPARTMENT_LABELS } from "../../domain/staff/departments";
import { errorSummary } from "../error-summary";
import { fieldAttrs, fieldError } from "../field";
import { fieldId } from "../field-ids";
import { radioId } from "../radios";

type H = HtmlEscapedString | Promise<HtmlEscapedString>;
export type FormValues = Partial<Record<string, string>>;

const fid = fieldId;
const tel = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, "")}`;

/** Safety and bullying come first, so the emergency hotline is the first thing read. */
export const CATEGORY_ORDER: readonly ComplaintCategory[] = [
  ...COMPLAINT_CATEGORIES.filter((c) => CATEGORY_INFO[c].emergency),
  ...COMPLAINT_CATEGORIES.filter((c) => !CATEGORY_INFO[c].emergency),
];

export function emergencyNotice(): H {
  // One paragraph, said once and first: on a phone it must not push the form off the first screen.
  return html`<div class="notice notice-urgent" id="emergency">
  <p><strong>紧急情况请先报警。</strong>正在发生欺凌、暴力等危及人身安全的情况，请立即拨打<a href="${tel(HOTLINES.emergency)}"><strong>${HOTLINES.emergency}</strong></a>，网上投诉不能代替报警。</p>
</div>`;
}

const checked = (on: boolean) => (on ? raw(" checked") : "");
const selected = (on: boolean) => (on ? raw(" selected") : "");

/**
 * One category: its label only, so the twelve take one Tab stop and little height on a phone
 * (the emergency advice is said once, above the form); what each covers is on demand below.
 */
function categoryOption(c: ComplaintCategory, index: number, values: FormValues): H {
  const id = radioId("category", c, index);
  return html`<div class="choice choice-compact">
  <input type="radio" name="category" id="${id}" value="${c}"${checked(values.category === c)} />
  <label for="${id}">${CATEGORY_INFO[c].label}</label>
</div>`;
}

/**
 * What each category covers, its policy clauses and the department that handles it, in one
 * closed details element (no Tab stops until opened). The clause links open in a new tab,
 * said in the link, so following one never loses what was typed.
 */
function categoryDetails(): H {
  return html`<details class="category-details" data-pagefind-ignore>
  <summary>各类问题分别指什么（政策依据和责任部门）</summary>
  <dl>
    ${CATEGORY_ORDER.map((c) => {
      const info = CATEGORY_INFO[c];
      return html`<dt>${info.label}</dt>
    <dd><p>${info.hint}</p><p class="muted">政策依据：${info.clauses.map((id, i) => html`${i > 0 ? "、" : ""}<a href="${clauseHref(id)}" target="_blank" rel="noopener">${clauseRef(id)}（在新标签页打开）</a>`)}；责任部门：${DEPARTMENT_LABELS[info.department]}。</p></dd>`;
    })}
  </dl>
</details>`;
}

/** The schools grouped by township, ordered by name (SCHOOL_GROUPS), as optgroups: no JavaScript needed. */
function schoolOptions(values: FormValues): H {
  const names = new Map<string, string>(SCHOOL_DIRECTORY.map((s) => [s.id, s.name]));
  return html`${SCHOOL_GROUPS.map(
    (g) => html`<optgroup label="${g.township}">${g.schools.map((id) => html`<option value="${id}"${selected(values.school === id)}>${names.get(id)}</option>`)}</optgroup>`,
  )}`;
}

/**
 * The whole form; `values` are what the filer typed (strings as posted), `errors` from the
 * schema. `formToken` is the one-time token of a form the server renders (functions/http/
 * form-key); the prerendered page has none, being one file for everyone.
 */
export function complaintForm({ values = {}, errors = [], formToken }: { values?: FormValues; errors?: readonly FieldError[]; formToken?: string } = {}): H {
  const named = values.contactMode === "named";
  return html`${errorSummary(errors)}
<form class="public-form" data-pagefind-weight="0.3" method="post" action="/api/complaints" enctype="multipart/form-data" novalidate id="complaint-form">
  ${formToken ? html`<input type="hidden" name="formToken" value="${formToken}" />` : ""}
  <fieldset class="field">
    <legend><h2 class="legend-heading">1. 反映什么问题</h2></legend>
    ${fieldError(errors, "category")}
    <div>${CATEGORY_ORDER.map((c, i) => categoryOption(c, i, values))}</div>
    ${categoryDetails()}
  </fieldset>

  <h2>2. 涉及哪所学校，发生了什么</h2>
  <div class="field">
    <label for="${fid("school")}">学校</label>
    <p class="hint" id="${fid("school")}-hint">学校按所在街道或乡镇分组，组内按名称排列。反映的问题不针对某一所学校时，选择“不针对某一所学校”。</p>
    ${fieldError(errors, "school")}
    <select name="school" data-pagefind-ignore id="${fid("school")}"${fieldAttrs(errors, "school", `${fid("school")}-hint`)}>
      <option value="">请选择</option>
      <option value="${NOT_ONE_SCHOOL}"${selected(values.school === NOT_ONE_SCHOOL)}>不针对某一所学校</option>
      ${schoolOptions(values)}
    </select>
  </div>
  <div class="field">
    <label for="${fid("whatHappened")}">发生了什么</label>
    <p class="hint" id="${fid("whatHappened")}-hint">写明时间、地点、涉及的年级或班级、经过和您希望如何处理。请不要写学生的身份证号码。最多${TEXT_MAX}字。</p>
    ${fieldError(errors, "whatHappened")}
    <textarea name="whatHappened" id="${fid("whatHappened")}" rows="8" maxlength="${TEXT_MAX}"${fieldAttrs(errors, "whatHappened", `${fid("whatHappened")}-hint`)}>${values.whatHappened ?? ""}</textarea>
  </div>
  <div class="field">
    <label for="${fid("happenedOn")}">事情发生的日期</label>
    <p class="hint" id="${fid("happenedOn")}-hint">持续发生的，填写最近一次的日期。格式：年-月-日，例如2026-09-01。</p>
    ${fieldError(errors, "happenedOn")}
    <input type="date" name="happenedOn" id="${fid("happenedOn")}" value="${values.happenedOn ?? ""}" class="input-medium"${fieldAttrs(errors, "happenedOn", `${fid("happenedOn")}-hint`)} />
  </div>

  <div class="field">
    <label for="${fid("attachments")}">附件（选填）</label>
    <p class="hint" id="${fid("attachments")}-hint">照片（JPG、PNG）或PDF文件，最多${MAX_ATTACHMENTS}个，每个不超过${MAX_UPLOAD_BYTES / 1024 / 1024} MB。照片里的拍摄地点、设备等信息会在保存前删除。${errors.length ? "页面提示错误后，请重新选择附件。" : ""}</p>
    ${fieldError(errors, "attachments")}
    <input type="file" name="attachments" id="${fid("attachments")}" multiple accept="${UPLOAD_ACCEPT}"${fieldAttrs(errors, "attachments", `${fid("attachments")}-hint`)} />
  </div>

  <fieldset class="field">
    <legend><h2 class="legend-heading">3. 是否留下联系方式</h2></legend>
    ${fieldError(errors, "contactMode")}
    <div class="choice">
      <input type="radio" name="contactMode" id="${fid("contactMode")}" value="anonymous"${checked(values.contactMode === "anonymous")} aria-describedby="contact-anonymous-hint" />
      <label for="${fid("contactMode")}">匿名投诉</label>
      <p class="choice-hint" id="contact-anonymous-hint">不留姓名和联系方式。提交后您会得到受理编号和查询码，凭它们查询进度和答复；查询码丢失后无法找回。</p>
    </div>
    <div class="choice">
      <input type="radio" name="contactMode" id="${fid("contactMode")}-named" value="named"${checked(named)} aria-describedby="contact-named-hint" />
      <label for="${fid("contactMode")}-named">实名投诉</label>
      <p class="choice-hint" id="contact-named-hint">填写下面的姓名和手机号码或电子邮箱。办理进展会通知您。</p>
    </div>
  </fieldset>
  <fieldset class="field sub-fields">
    <legend>实名投诉时填写</legend>
    <div class="field">
      <label for="${fid("name")}">姓名</label>
      ${fieldError(errors, "name")}
      <input type="text" name="name" id="${fid("name")}" autocomplete="name" value="${values.name ?? ""}" maxlength="50"${fieldAttrs(errors, "name")} />
    </div>
    <div class="field">
      <label for="${fid("phone")}">手机号码</label>
      ${fieldError(errors, "phone")}
      <input type="tel" name="phone" id="${fid("phone")}" autocomplete="tel" inputmode="tel" value="${values.phone ?? ""}" class="input-medium"${fieldAttrs(errors, "phone")} />
    </div>
    <div class="field">
      <label for="${fid("email")}">电子邮箱</label>
      ${fieldError(errors, "email")}
      <input type="email" name="email" id="${fid("email")}" autocomplete="email" spellcheck="false" value="${values.email ?? ""}"${fieldAttrs(errors, "email")} />
    </div>
    <div class="choice">
      <input type="checkbox" name="departmentMayContact" id="${fid("departmentMayContact")}"${checked(values.departmentMayContact === "on")} />
      <label for="${fid("departmentMayContact")}">同意责任部门的工作人员看到我的姓名和联系方式，并直接联系我</label>
    </div>
  </fieldset>

  <h2>4. 答复能否公开</h2>
  <div class="choice field">
    <input type="checkbox" name="publishConsent" id="${fid("publishConsent")}"${checked(values.publishConsent === "on")} aria-describedby="${fid("publishConsent")}-hint" />
    <label for="${fid("publishConsent")}">同意在办结后公开一份去除个人信息的答复摘要</label>
    <p class="choice-hint" id="${fid("publishConsent")}-hint">摘要由工作人员撰写并审核，不含您的投诉原文、姓名和联系方式，也不含学生的信息。</p>
  </div>

  <div class="visually-hidden-field" aria-hidden="true">
    <label for="field-website">请勿填写此项</label>
    <input type="text" id="field-website" name="website" tabindex="-1" autocomplete="off" value="" />
  </div>
  <button type="submit">提交投诉</button>
</form>`;
}

export const complaintFormHtml = async (options?: Parameters<typeof complaintForm>[0]) => String(await complaintForm(options));

/** The no-JS answer to a refused submission: the page's heading and the form, values kept. */
export function formWithErrors(values: FormValues, errors: readonly FieldError[]): H {
  return html`<h1>投诉学校违规办学</h1>${complaintForm({ values, errors, formToken: crypto.randomUUID() })}`;
}
