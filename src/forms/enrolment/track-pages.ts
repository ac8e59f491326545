/**
 * The family's tracking pages for the no-JavaScript path: the reference + code form (again
 * with its errors) and the application as the family may see it, with the offer to accept
 * or decline and the upload form when staff asked for documents; each action proves the
 * code again in hidden fields (POST body only). Escaped by hono/html.
 */
import { html } from "hono/html";
import type { FieldError } from "../../domain/errors";
import { beijingTime } from "./answer-views";
import { fieldClass } from "../field";
import { errorSummary } from "../error-summary";
import { trackForm } from "./track-form";
import { UPLOAD_ACCEPT } from "../../domain/uploads";
import type { TrackView } from "../../../functions/services/enrolment/internal/track-view";


export function trackFormPage(errors: FieldError[], values: { reference?: string }) {
  return html`<div class="prose enrol">
  <h1>办理进度查询</h1>
  ${errorSummary(errors)}
  ${trackForm({ values, errors })}
</div>`;
}

/** Hidden fields so an action on the tracking page proves the code again (POST body only). */
const credentials = (reference: string, accessCode: string) =>
  html`<input type="hidden" name="reference" value="${reference}" /><input type="hidden" name="accessCode" value="${accessCode}" />`;

export function trackPage(view: TrackView, accessCode: string, errors: FieldError[] = [], notice?: string) {
  return html`<div class="prose enrol">
  <p class="breadcrumb"><a href="/track/">办理进度查询</a></p>
  <h1>申请${view.reference}</h1>
  ${errorSummary(errors)}
  ${notice ? html`<p class="notice" role="status">${notice}</p>` : ""}
  <p>申请年级：${view.gradeLabel}。当前状态：<strong>${view.stateLabel}</strong></p>
  ${view.decision ? html`<h2>审核结果</h2><p>不符合条件的原因：${view.decision.reason}</p><p>${view.decision.text}</p>` : ""}
  ${
    view.offer
      ? html`<h2>学位</h2>
  <p>录取学校：<strong>${view.offer.sectionName}</strong></p>
  ${view.offer.lapsed ? html`<p class="notice">${view.offer.lapsed}</p>` : ""}
  ${
    view.offer.canAnswer
      ? html`<p>请在${beijingTime(view.offer.deadline)}（北京时间）前接受或放弃。放弃后学位会递补给候补的家庭，不能撤回。</p>
  <div class="button-row">
    <form method="post" action="/api/enrol/track/accept">${credentials(view.reference, accessCode)}<button type="submit">接受学位</button></form>
    <form method="post" action="/api/enrol/track/decline">${credentials(view.reference, accessCode)}<button type="submit" class="button-secondary">放弃学位</button></form>
  </div>`
      : ""
  }`
      : ""
  }
  ${
    view.waitlist.length
      ? html`<h2>候补</h2><p>您在以下排在录取学校之前的志愿学校候补，有家庭放弃时依次递补，并短信通知：</p>
  <ul>${view.waitlist.map((w) => html`<li>${w.sectionName}：第${w.position}位${w.note ? html`。${w.note}` : ""}</li>`)}</ul>`
      : ""
  }
  ${
    view.canUpload
      ? html`<h2>补充材料</h2>
  <form class="enrol-form" method="post" action="/api/enrol/track/documents" enctype="multipart/form-data" novalidate>
    ${credentials(view.reference, accessCode)}
    <div class="field${errors.some((e) => e.path.startsWith("documents")) ? " field-invalid" : ""}">
      <label for="field-documents-other">选择要补充的材料</label>
      <p class="hint">JPG、PNG或PDF，每个不超过5 MB，可以一次选择多个文件</p>
      <input type="file" id="field-documents-other" name="documents.other" accept="${UPLOAD_ACCEPT}" multiple />
    </div>
    <button type="submit">上传</button>
  </form>`
      : ""
  }
  ${view.allocationId ? html`<p>您在<a href="/enrol/results/">公开分配结果</a>中的匿名编号：<strong>${view.allocationId}</strong>。用它可以在结果文件中核对您的志愿、积分和随机号。</p>` : ""}
  <h2>办理记录</h2>
  <ol class="case-timeline">
    ${view.timeline.map((t) => html`<li><strong>${beijingTime(t.at)}</strong> ${t.label}${t.message ? html`<br />${t.message}` : ""}</li>`)}
  </ol>
  ${
    view.documents.length
      ? html`<h2>已上传的材料</h2><ul>${view.documents.map((d) => html`<li>${d.kind}：${d.review}${d.reason ? html`（${d.reason}）` : ""}</li>`)}</ul>`
      : ""
  }
</div>`;
}
