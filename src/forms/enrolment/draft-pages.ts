/**
 * The no-JavaScript application's pages, rendered into the page shell by the API: the form
 * again with the values kept and the errors summarised, check answers with change links and
 * the last step, and the confirmation. The form, answers and confirmation markup comes from
 * ./application-form and ./answer-views, the builders the static page and its script use.
 */
import { html } from "hono/html";
import type { FieldError } from "../../domain/errors";
import type { Catalogue } from "../../domain/enrolment/catalogue";
import type { DraftInput } from "../../domain/enrolment/application";
import { applicationFormHtml, finalStepHtml, stepFormHtml } from "./application-form";
import { FORM_STEPS, stepIndexOf } from "./form-steps";
import { answersHtml, beijingTime, confirmationHtml, permitNoticeHtml } from "./answer-views";
import { fieldId } from "../field-ids";
import { errorSummary } from "../error-summary";
import type { FormValues } from "../html";

export const DRAFT_PATHS = { form: "/api/enrol/draft", step: "/api/enrol/draft/step", check: "/api/enrol/draft/check", edit: "/api/enrol/draft/edit", submit: "/api/enrol/draft/submit" } as const;

export function formPage(catalogue: Catalogue, values: FormValues, errors: FieldError[]) {
  return html`<div class="enrol">
  <p class="breadcrumb"><a href="/enrol/">随迁子女入学</a> › 申请</p>
  <h1>申请随迁子女入学</h1>
  ${errorSummary(errors)}
  ${applicationFormHtml(catalogue, values, errors, DRAFT_PATHS.form)}
</div>`;
}

/** `today` is the Beijing date the permit warning is judged on. */
/** One question group of the no-JS form as a page (./form-steps). */
export function stepPage(catalogue: Catalogue, values: FormValues, errors: FieldError[], step: number, o: { returnToCheck?: boolean } = {}) {
  return html`<div class="enrol">
  <p class="breadcrumb"><a href="/enrol/">随迁子女入学</a> › 申请</p>
  <h1>申请随迁子女入学</h1>
  ${errorSummary(errors)}
  ${stepFormHtml(catalogue, values, errors, step, DRAFT_PATHS.step, o)}
</div>`;
}

/** A check-page change link: the group of the answer, opened to come back here, at the field. */
export const changeHref = (path: string) => `${DRAFT_PATHS.edit}?step=${FORM_STEPS[Math.max(0, stepIndexOf(path))]!.id}#${fieldId(path)}`;

export function checkPage(catalogue: Catalogue, draft: DraftInput, today: string, errors: FieldError[], values: FormValues = {}) {
  return html`<div class="enrol">
  <p class="breadcrumb"><a href="/enrol/">随迁子女入学</a> › 申请</p>
  <h1>核对您的信息</h1>
  ${errorSummary(errors)}
  <p>请仔细核对。需要修改的，点 “修改” 回到表格，已填写的内容会保留。</p>
  ${permitNoticeHtml(catalogue, draft, today)}
  ${answersHtml(catalogue, draft, { changeHref })}
  ${finalStepHtml(values, errors, DRAFT_PATHS.submit)}
</div>`;
}

export function confirmationPage(catalogue: Catalogue, draft: DraftInput, receipt: { reference: string; accessCode: string; submittedAt: string }) {
  return confirmationHtml(catalogue, draft, { ...receipt, submittedAt: beijingTime(receipt.submittedAt) });
}
