/**
 * "忘记查询码" pages (issue 16 item 7), written once for the prerendered /track/recover/ page
 * and the API's no-JS answers: the form (reference + the phone given on the application,
 * POSTed, with the error summary and the reference kept after a refusal) and the one reply,
 * the same whether or not anything was sent.
 */
import { html } from "hono/html";
import type { FieldError } from "../../domain/errors";
import { RECOVERY_REPLY } from "../../domain/enrolment/recover-code";
import { errorSummary } from "../error-summary";
import { textField, type FieldCtx } from "../field";
import { sync, type Html } from "../html";

export const RECOVER_ACTION = "/api/enrol/recover";

export function recoverForm(values: { reference?: unknown } = {}, errors: readonly FieldError[] = []): Html {
  const ctx: FieldCtx = { values: { reference: typeof values.reference === "string" ? values.reference : "" }, errors };
  return sync(html`<form class="enrol-form" method="post" action="${RECOVER_ACTION}" novalidate>
  ${textField(ctx, "reference", "受理编号", { hint: "例如RX2026-00042，见提交申请时的页面或短信", width: "medium", autocomplete: "off" })}
  ${textField(ctx, "phone", "申请时填写的监护人手机号码", { type: "tel", inputmode: "tel", autocomplete: "tel", width: "medium", hint: "新的查询码只会发送到申请时填写的手机号码" })}
  <button type="submit" class="button">发送新的查询码</button>
</form>`);
}

export function recoverFormPage(values: { reference?: unknown }, errors: readonly FieldError[]): Html {
  return sync(html`<div class="prose enrol">
  <h1>忘记查询码</h1>
  ${errorSummary([...errors])}
  ${recoverForm(values, errors)}
</div>`);
}

export function recoverDonePage(): Html {
  return sync(html`<div class="prose enrol">
  <h1>忘记查询码</h1>
  <div class="panel" role="status"><p>${RECOVERY_REPLY}</p></div>
  <p><a href="/track/">返回办理进度查询</a></p>
</div>`);
}
