/**
 * The enrolment application form, in sections (child, guardians, residence permit, address,
 * work, ranked preferences, special needs), and its last step (documents, consent,
 * declaration). One renderer for the static page and for the API's no-JS answers, so a
 * family who gets an error back sees the same form with everything they typed kept.
 */
import { html, raw } from "hono/html";
import type { FieldError } from "../../domain/errors";
import type { Catalogue } from "../../domain/enrolment/catalogue";
import { HONEST_RANKING, maxPreferences, schoolChoices } from "../../domain/enrolment/school-choices";
import {
  DOCUMENT_KIND_HINTS, DOCUMENT_KIND_LABELS,
  GRADE_LABELS,
  PLACEMENT_LABELS,
  RELATIONSHIP_LABELS,
  SEX_LABELS,
  WORK_KIND_LABELS,
  type DocumentKind,
} from "../../domain/enrolment/vocabulary";
import { MAX_UPLOAD_BYTES, UPLOAD_ACCEPT } from "../../domain/uploads";
import { fieldId } from "../field-ids";
import { checkbox, dateField, fieldAttrs, fieldClass, fieldError, select, textArea, textField, type FieldCtx, type Option } from "../field";
import { fieldset } from "../fieldset";
import { sync, type FormValues, type Html } from "../html";
import { FORM_STEPS, flattenValues, stepIndexOf, type FormStepId } from "./form-steps";
import { radios } from "../radios";

const opts = <K extends string>(labels: Record<K, string>): Option[] => Object.entries<string>(labels).map(([value, label]) => ({ value, label }));

export { HONEST_RANKING };

const DIGITS = "零一二三四五六七八九";
/** 1 → 一, 12 → 十二, 24 → 二十四 (志愿 are numbered in words). */
export function chineseOrdinal(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : DIGITS[tens]}十${n % 10 === 0 ? "" : DIGITS[n % 10]}`;
}

/**
 * The ranked list (issue 16 item 4): one select per school the family may rank, no cap. When
 * the grade is known (a re-rendered form, or the script after a change) the options are that
 * grade's schools, the community's catchment school first and marked; before that, every
 * grade's schools in groups, as many selects as the longest grade's list.
 */
function preferenceSelects(catalogue: Catalogue, ctx: FieldCtx, values: FormValues): Html[] {
  const address = (values.address ?? {}) as { area?: string; community?: string };
  const grade = typeof values.grade === "string" && catalogue.intake.grades.some((g) => g.grade === values.grade) ? values.grade : undefined;
  const label = (s: { name: string; address: string; catchment: boolean }) => `${s.name}${s.catchment ? "（施教区学校）" : ""}（${s.address}）`;
  const options = grade
    ? schoolChoices(catalogue, grade, address).map((s) => ({ value: s.id, label: label(s) }))
    : catalogue.intake.grades.map((g) => ({ label: GRADE_LABELS[g.grade], options: schoolChoices(catalogue, g.grade, address).map((s) => ({ value: s.id, label: label(s) })) }));
  const count = grade ? schoolChoices(catalogue, grade).length : maxPreferences(catalogue);
  return Array.from({ length: count }, (_, i) =>
    select(ctx, `preferences.${i}`, `第${chineseOrdinal(i + 1)}志愿${i === 0 ? "" : "（选填）"}`, options, { placeholder: i === 0 ? "请选择学校" : "不填" }),
  );
}

function guardian(ctx: FieldCtx, i: number): Html {
  const p = `guardians.${i}`;
  return fieldset(
    { legend: i === 0 ? "第一位监护人（申请人）" : "第二位监护人（选填）", className: "subsection" },
    sync(html`${textField(ctx, `${p}.name`, "姓名", { autocomplete: i === 0 ? "name" : "off", width: "medium" })}
  ${select(ctx, `${p}.relationship`, "与孩子的关系", opts(RELATIONSHIP_LABELS))}
  ${textField(ctx, `${p}.idNumber`, "身份证号码", { hint: "18位，最后一位可能是X", width: "medium", maxlength: 22, autocomplete: "off" })}
  ${textField(ctx, `${p}.phone`, "手机号码", { type: "tel", inputmode: "tel", autocomplete: i === 0 ? "tel" : "off", width: "medium", hint: "审核结果和学位通知会发送到这个号码" })}`),
  );
}

/** One question group of the form (a page of its own with or without a script: ./form-steps). */
type SectionRenderer = (ctx: FieldCtx, catalogue: Catalogue, n: number) => Html;

const choices = (catalogue: Catalogue) => ({
  grades: catalogue.intake.grades.map((g) => ({ value: g.grade, label: GRADE_LABELS[g.grade] })),
  areas: catalogue.areas.map((a) => ({ value: a.id, label: a.name })),
  communities: catalogue.areas.map((a) => ({ label: a.name, options: a.communities.map((c) => ({ value: c.id, label: c.name })) })),
});

const SECTIONS: Record<FormStepId, SectionRenderer> = {
  grade: (ctx, catalogue, n) =>
    sync(html`<section aria-labelledby="s-grade">
    <h2 id="s-grade">${n}. 申请年级</h2>
    ${radios(ctx, "grade", "为孩子申请哪个年级？", choices(catalogue).grades)}
  </section>`),
  child: (ctx, _catalogue, n) =>
    sync(html`<section aria-labelledby="s-child">
    <h2 id="s-child">${n}. 孩子的信息</h2>
    ${textField(ctx, "child.name", "孩子的姓名", { width: "medium", autocomplete: "off" })}
    ${textField(ctx, "child.idNumber", "孩子的身份证号码", { hint: "18位，见户口簿；最后一位可能是X", width: "medium", maxlength: 22, autocomplete: "off" })}
    ${radios(ctx, "child.sex", "孩子的性别", opts(SEX_LABELS), { inline: true })}
    ${dateField(ctx, "child.birthDate", "孩子的出生日期", { hint: "例如2021-03-15" })}
    ${textField(ctx, "child.hukouPlace", "户籍所在地", { hint: "按户口簿填写，例如安徽省阜阳市临泉县" })}
  </section>`),
  guardians: (ctx, _catalogue, n) =>
    sync(html`<section aria-labelledby="s-guardians">
    <h2 id="s-guardians">${n}. 监护人</h2>
    ${guardian(ctx, 0)}
    ${guardian(ctx, 1)}
  </section>`),
  permit: (ctx, _catalogue, n) =>
    sync(html`<section aria-labelledby="s-permit">
    <h2 id="s-permit">${n}. 居住证</h2>
    ${textField(ctx, "permit.number", "居住证号码", { width: "medium", autocomplete: "off" })}
    ${dateField(ctx, "permit.issuedOn", "签发日期")}
    ${dateField(ctx, "permit.expiresOn", "有效期至", { hint: "已签注续期的，填写签注后的日期" })}
    ${radios(ctx, "permit.holder", "哪位监护人持有居住证？", [
      { value: "0", label: "第一位监护人" },
      { value: "1", label: "第二位监护人" },
    ])}
  </section>`),
  address: (ctx, catalogue, n) =>
    sync(html`<section aria-labelledby="s-address">
    <h2 id="s-address">${n}. 现居住地址</h2>
    ${select(ctx, "address.area", "乡镇或街道", choices(catalogue).areas)}
    ${select(ctx, "address.community", "社区", choices(catalogue).communities, { hint: "请选择上面所选乡镇或街道下的社区" })}
    ${textField(ctx, "address.detail", "详细地址", { hint: "路名、门牌号、楼幢和房间号", autocomplete: "address-line1" })}
  </section>`),
  work: (ctx, _catalogue, n) =>
    sync(html`<section aria-labelledby="s-work">
    <h2 id="s-work">${n}. 持证监护人的就业情况</h2>
    ${radios(ctx, "work.kind", "就业方式", opts(WORK_KIND_LABELS))}
    ${textField(ctx, "work.employer", "工作单位或营业执照上的名称", { hint: "灵活就业的可以不填" })}
    ${textField(ctx, "work.socialInsuranceMonths", "在本市连续缴纳社会保险的月数", { inputmode: "numeric", width: "short", hint: "没有请填0；按缴纳证明填写，审核时核对" })}
  </section>`),
  preferences: (ctx, catalogue, n) =>
    sync(html`<section aria-labelledby="s-preferences">
    <h2 id="s-preferences">${n}. 志愿学校</h2>
    <p class="notice">${HONEST_RANKING}</p>
    ${preferenceSelects(catalogue, ctx, ctx.values)}
  </section>`),
  specialNeeds: (ctx, _catalogue, n) =>
    sync(html`<section aria-labelledby="s-special">
    <h2 id="s-special">${n}. 特殊教育需要</h2>
    ${radios(ctx, "specialNeeds.has", "孩子是否有残疾或其他特殊教育需要？", [
      { value: "no", label: "没有" },
      { value: "yes", label: "有" },
    ], { inline: true, hint: "如实说明有助于学校提前做好安排，不会影响录取" })}
    ${radios(ctx, "specialNeeds.placement", "希望的安置方式（有特殊需要时填写）", opts(PLACEMENT_LABELS))}
    ${textArea(ctx, "specialNeeds.details", "需要学校了解的情况（选填）", { maxlength: 300 })}
    ${checkbox(ctx, "specialNeeds.consent", "我同意教育局为安排孩子就学处理上述残疾或健康信息（单独同意）", {
      hint: "这些信息属于敏感个人信息，只用于安排就学，只有审核人员可以查看。",
    })}
  </section>`),
};

const honeypot = (id = "field-website"): Html =>
  sync(html`<div class="visually-hidden-field" aria-hidden="true">
    <label for="${id}">请勿填写此项</label>
    <input type="text" id="${id}" name="website" tabindex="-1" autocomplete="off" value="" />
  </div>`);

/** Every question group in one form (kept for API clients' documentation and tests). `action` is where it posts. */
export function applicationFormHtml(catalogue: Catalogue, values: FormValues, errors: readonly FieldError[], action: string): Html {
  const ctx: FieldCtx = { values, errors };
  return sync(html`<form id="application-form" class="enrol-form" method="post" action="${action}" novalidate>
  <input type="hidden" name="intake" value="${catalogue.intake.id}" />
  ${FORM_STEPS.map((step, i) => SECTIONS[step.id](ctx, catalogue, i + 1))}
  ${honeypot()}
  <button type="submit" class="button">继续：核对信息</button>
</form>`);
}

/**
 * One question group as a page (issue 16 item 6): its questions, every other answer carried
 * in hidden inputs (so a browser without a script keeps nothing but the page), the step's
 * name, and 继续 (first, so Enter continues) and 上一步. `returnToCheck`: opened from a change
 * link on the check page, so 继续 goes back there once the whole draft is good.
 */
export function stepFormHtml(catalogue: Catalogue, values: FormValues, errors: readonly FieldError[], step: number, action: string, o: { returnToCheck?: boolean } = {}): Html {
  const ctx: FieldCtx = { values, errors };
  const current = FORM_STEPS[step]!;
  const last = step === FORM_STEPS.length - 1;
  const carried = flattenValues(values).filter(([path]) => stepIndexOf(path) !== step);
  return sync(html`<form id="application-form" class="enrol-form" method="post" action="${action}" novalidate data-step="${current.id}">
  <input type="hidden" name="intake" value="${catalogue.intake.id}" />
  <input type="hidden" name="step" value="${current.id}" />
  ${o.returnToCheck ? html`<input type="hidden" name="return" value="check" />` : ""}
  ${carried.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)}
  <p class="step-count">第${step + 1}步，共${FORM_STEPS.length}步：${current.title}</p>
  ${SECTIONS[current.id](ctx, catalogue, step + 1)}
  ${honeypot()}
  <div class="button-row">
    <button type="submit" name="nav" value="next" class="button">${last || o.returnToCheck ? "继续：核对信息" : "继续"}</button>
    ${step > 0 ? html`<button type="submit" name="nav" value="back" class="button button-secondary">上一步</button>` : ""}
  </div>
</form>`);
}

export const REQUIRED_DOCUMENTS: readonly DocumentKind[] = ["residence_permit", "hukou"];
export const FORM_DOCUMENTS: readonly DocumentKind[] = ["residence_permit", "hukou", "birth_certificate", "housing", "work_proof", "special_needs"];
export const MAX_DOCUMENTS = 8;

/** The last step: documents, the guardian's consent and the declaration. Posted as multipart. */
export function finalStepHtml(values: FormValues, errors: readonly FieldError[], action: string, submitLabel = "提交申请"): Html {
  const ctx: FieldCtx = { values, errors };
  return sync(html`<form id="submit-form" class="enrol-form" method="post" action="${action}" enctype="multipart/form-data" novalidate>
  <section aria-labelledby="s-documents">
    <h2 id="s-documents">上传材料</h2>
    <p>每个文件须为JPG、PNG或PDF，不超过${MAX_UPLOAD_BYTES / 1024 / 1024} MB，共不超过${MAX_DOCUMENTS}个。手机拍照即可，请保证文字清晰。照片中的拍摄地点等信息会在上传后自动删除。</p>
    ${FORM_DOCUMENTS.map((kind) => {
      const path = `documents.${kind}`;
      const required = REQUIRED_DOCUMENTS.includes(kind);
      return html`<div class="${fieldClass(errors, path)}">
      <label for="${fieldId(path)}">${DOCUMENT_KIND_LABELS[kind]}${required ? "" : "（选填）"}</label>
      ${DOCUMENT_KIND_HINTS[kind] ? html`<p class="hint">${DOCUMENT_KIND_HINTS[kind]}</p>` : ""}
      ${fieldError(errors, path)}
      <input type="file" id="${fieldId(path)}" name="${path}" accept="${UPLOAD_ACCEPT}"${kind === "housing" || kind === "work_proof" ? raw(" multiple") : ""}${fieldAttrs(errors, path)} />
    </div>`;
    })}
  </section>
  <section aria-labelledby="s-consent">
    <h2 id="s-consent">同意和承诺</h2>
    <p>孩子不满十四周岁，其个人信息属于敏感个人信息。教育局只为办理本次入学申请处理这些信息，保存期限和您的权利见<a href="/privacy/">个人信息保护说明</a>。</p>
    ${checkbox(ctx, "consents.childData", "我是孩子的监护人，同意教育局为办理入学申请处理孩子和家庭的上述信息")}
    ${checkbox(ctx, "consents.declaration", "我承诺所填信息和上传的材料真实、完整；如有虚假，愿意承担相应责任")}
  </section>
  <div class="visually-hidden-field" aria-hidden="true">
    <label for="field-website-2">请勿填写此项</label>
    <input type="text" id="field-website-2" name="website" tabindex="-1" autocomplete="off" value="" />
  </div>
  <button type="submit" class="button">${submitLabel}</button>
</form>`);
}
