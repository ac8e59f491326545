/**
 * The enrolment application form, in sections (child, guardians, residence permit, address,
 * work, ranked preferences, special needs), and its last step (documents, consent,
 * declaration). One renderer for the static page and for the API's no-JS answers, so a
 * family who gets an error back sees the same form with everything they typed kept.
 */
import { html, raw } from "hono/html";
import type { FieldError } from "../../domain/errors";
import type { Catalogue } from "../../domain/enrolment/catalogue";
import { MAX_PREFERENCES } from "../../domain/enrolment/application";
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
import { radios } from "../radios";

const opts = <K extends string>(labels: Record<K, string>): Option[] => Object.entries<string>(labels).map(([value, label]) => ({ value, label }));

export const HONEST_RANKING = "请按真实意愿排序：把最想去的学校放在第一位。分配办法保证如实排序对您最有利，把学校排在后面不会让您更容易被录取，提交时间的先后也不影响结果。";

function guardian(ctx: FieldCtx, i: number): Html {
  const p = `guardians.${i}`;
  return fieldset(
    { legend: i === 0 ? "第一位监护人（申请人）" : "第二位监护人（选填）", className: "subsection" },
    sync(html`${textField(ctx, `${p}.name`, "姓名", { autocomplete: i === 0 ? "name" : "off", width: "medium" })}
  ${select(ctx, `${p}.relationship`, "与孩子的关系", opts(RELATIONSHIP_LABELS))}
  ${textField(ctx, `${p}.idNumber`, "身份证号码", { hint: "18 位，最后一位可能是 X", width: "medium", maxlength: 22, autocomplete: "off" })}
  ${textField(ctx, `${p}.phone`, "手机号码", { type: "tel", inputmode: "tel", autocomplete: i === 0 ? "tel" : "off", width: "medium", hint: "审核结果和学位通知会发送到这个号码" })}`),
  );
}

/** The form's sections. `action` is where a no-JS browser posts it. */
export function applicationFormHtml(catalogue: Catalogue, values: FormValues, errors: readonly FieldError[], action: string): Html {
  const ctx: FieldCtx = { values, errors };
  const grades = catalogue.intake.grades.map((g) => ({ value: g.grade, label: GRADE_LABELS[g.grade] }));
  const areas = catalogue.areas.map((a) => ({ value: a.id, label: a.name }));
  const communities = catalogue.areas.map((a) => ({ label: a.name, options: a.communities.map((c) => ({ value: c.id, label: c.name })) }));
  const schools = catalogue.intake.grades.map((g) => ({
    label: GRADE_LABELS[g.grade],
    options: catalogue.sections.filter((s) => s.grade === g.grade).map((s) => ({ value: s.id, label: `${s.name}（${s.address}）` })),
  }));
  return sync(html`<form id="application-form" class="enrol-form" method="post" action="${action}" novalidate>
  <input type="hidden" name="intake" value="${catalogue.intake.id}" />
  <section aria-labelledby="s-grade">
    <h2 id="s-grade">1. 申请年级</h2>
    ${radios(ctx, "grade", "为孩子申请哪个年级？", grades)}
  </section>
  <section aria-labelledby="s-child">
    <h2 id="s-child">2. 孩子的信息</h2>
    ${textField(ctx, "child.name", "孩子的姓名", { width: "medium", autocomplete: "off" })}
    ${textField(ctx, "child.idNumber", "孩子的身份证号码", { hint: "18 位，见户口簿；最后一位可能是 X", width: "medium", maxlength: 22, autocomplete: "off" })}
    ${radios(ctx, "child.sex", "孩子的性别", opts(SEX_LABELS), { inline: true })}
    ${dateField(ctx, "child.birthDate", "孩子的出生日期", { hint: "例如 2021-03-15" })}
    ${textField(ctx, "child.hukouPlace", "户籍所在地", { hint: "按户口簿填写，例如 安徽省阜阳市临泉县" })}
  </section>
  <section aria-labelledby="s-guardians">
    <h2 id="s-guardians">3. 监护人</h2>
    ${guardian(ctx, 0)}
    ${guardian(ctx, 1)}
  </section>
  <section aria-labelledby="s-permit">
    <h2 id="s-permit">4. 居住证</h2>
    ${textField(ctx, "permit.number", "居住证号码", { width: "medium", autocomplete: "off" })}
    ${dateField(ctx, "permit.issuedOn", "签发日期")}
    ${dateField(ctx, "permit.expiresOn", "有效期至", { hint: "已签注续期的，填写签注后的日期" })}
    ${radios(ctx, "permit.holder", "哪位监护人持有居住证？", [
      { value: "0", label: "第一位监护人" },
      { value: "1", label: "第二位监护人" },
    ])}
  </section>
  <section aria-labelledby="s-address">
    <h2 id="s-address">5. 现居住地址</h2>
    ${select(ctx, "address.area", "乡镇或街道", areas)}
    ${select(ctx, "address.community", "社区", communities, { hint: "请选择上面所选乡镇或街道下的社区" })}
    ${textField(ctx, "address.detail", "详细地址", { hint: "路名、门牌号、楼幢和房间号", autocomplete: "address-line1" })}
  </section>
  <section aria-labelledby="s-work">
    <h2 id="s-work">6. 持证监护人的就业情况</h2>
    ${radios(ctx, "work.kind", "就业方式", opts(WORK_KIND_LABELS))}
    ${textField(ctx, "work.employer", "工作单位或营业执照上的名称", { hint: "灵活就业的可以不填" })}
    ${textField(ctx, "work.socialInsuranceMonths", "在本市连续缴纳社会保险的月数", { inputmode: "numeric", width: "short", hint: "没有请填 0；按缴纳证明填写，审核时核对" })}
  </section>
  <section aria-labelledby="s-preferences">
    <h2 id="s-preferences">7. 志愿学校</h2>
    <p class="notice">${HONEST_RANKING}</p>
    ${Array.from({ length: MAX_PREFERENCES }, (_, i) =>
      select(ctx, `preferences.${i}`, `第${["一", "二", "三"][i]}志愿${i === 0 ? "" : "（选填）"}`, schools, { placeholder: i === 0 ? "请选择学校" : "不填" }),
    )}
  </section>
  <section aria-labelledby="s-special">
    <h2 id="s-special">8. 特殊教育需要</h2>
    ${radios(ctx, "specialNeeds.has", "孩子是否有残疾或其他特殊教育需要？", [
      { value: "no", label: "没有" },
      { value: "yes", label: "有" },
    ], { inline: true, hint: "如实说明有助于学校提前做好安排，不会影响录取" })}
    ${radios(ctx, "specialNeeds.placement", "希望的安置方式（有特殊需要时填写）", opts(PLACEMENT_LABELS))}
    ${textArea(ctx, "specialNeeds.details", "需要学校了解的情况（选填）", { maxlength: 300 })}
    ${checkbox(ctx, "specialNeeds.consent", "我同意教育局为安排孩子就学处理上述残疾或健康信息（单独同意）", {
      hint: "这些信息属于敏感个人信息，只用于安排就学，只有审核人员可以查看。",
    })}
  </section>
  <div class="visually-hidden-field" aria-hidden="true">
    <label for="field-website">请勿填写此项</label>
    <input type="text" id="field-website" name="website" tabindex="-1" autocomplete="off" value="" />
  </div>
  <button type="submit" class="button">继续：核对信息</button>
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
    <p>每个文件须为 JPG、PNG 或 PDF，不超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，共不超过 ${MAX_DOCUMENTS} 个。手机拍照即可，请保证文字清晰。照片中的拍摄地点等信息会在上传后自动删除。</p>
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
