/**
 * Application detail island: loads the masked application, reveals one field with a reason
 * (the API audits it), judges documents, asks for more information and records the decision,
 * then reloads. Text from the API is set with textContent only.
 */
import { apiError, staffApi } from "../api";
import { clearErrors, showErrors } from "../../../forms/staff/error-summary";
import { requirePage } from "../shell";
import { beijingDateTime } from "../../../domain/complaint/time";

const id = new URLSearchParams(location.search).get("id") ?? "";
const section = document.querySelector<HTMLElement>("#detail-section")!;
const el = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const api = staffApi.applications[":id"];

function text(tag: string, value: string): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = value;
  return e;
}

async function load() {
  const res = await api.$get({ param: { id } });
  if (!res.ok) {
    section.replaceChildren(text("p", (await apiError(res)).message));
    return;
  }
  const { application: a } = await res.json();
  el("#detail-title").textContent = `申请 ${a.reference}`;
  el("#detail-state").textContent = `状态：${a.stateLabel}；积分：${a.points}；同意书版本：${a.consent.noticeVersion ?? "—"}${a.decision ? `；不符合条件：${a.decision.reason}（${a.decision.text}）` : ""}`;
  const duplicate = el("#detail-duplicate");
  duplicate.hidden = !a.duplicateOf;
  if (a.duplicateOf) {
    const link = document.createElement("a");
    link.href = `/staff/applications/detail/?id=${encodeURIComponent(a.duplicateOf.id)}`;
    link.textContent = a.duplicateOf.reference;
    duplicate.replaceChildren("重复申请：同一名儿童在本批次已有申请 ", link, "。请核对后以“重复申请”为由审核为不符合条件。");
  }
  el("#detail-answers").replaceChildren(
    ...a.sections.flatMap((s) => {
      const dl = document.createElement("dl");
      dl.className = "answers";
      for (const r of s.rows) {
        const div = document.createElement("div");
        div.append(text("dt", r.label), text("dd", r.value));
        dl.append(div);
      }
      return [text("h3", s.title), dl];
    }),
  );
  el("#documents-body").replaceChildren(
    ...a.documents.map((d) => {
      const tr = document.createElement("tr");
      const link = document.createElement("a");
      link.href = `/api/staff/applications/${encodeURIComponent(a.id)}/documents/${encodeURIComponent(d.id)}`;
      link.textContent = `下载${d.kind}`;
      const actions = document.createElement("td");
      // One small form per document: verdict and, for a rejection, the reason the family sees.
      const form = document.createElement("form");
      form.method = "post";
      form.noValidate = true;
      const reasonLabel = text("label", "不通过的原因（家庭会看到）");
      const reason = document.createElement("input");
      reason.name = "reason";
      reason.id = `reason-${d.id}`;
      reasonLabel.setAttribute("for", reason.id);
      const accept = text("button", "通过");
      accept.className = "button-secondary";
      (accept as HTMLButtonElement).type = "button";
      accept.addEventListener("click", () => void review(form, d.id, "accepted", ""));
      const reject = text("button", "不通过");
      reject.className = "button-secondary";
      (reject as HTMLButtonElement).type = "button";
      reject.addEventListener("click", () => void review(form, d.id, "rejected", reason.value));
      form.append(reasonLabel, reason, accept, reject);
      actions.append(link, form);
      const kind = document.createElement("td");
      kind.textContent = d.kind;
      tr.append(kind, text("td", `${d.contentType}，${Math.ceil(d.size / 1024)} KB`), text("td", `${d.reviewLabel}${d.reason ? `：${d.reason}` : ""}`), actions);
      return tr;
    }),
  );
  el("#detail-timeline").replaceChildren(...a.timeline.map((t) => text("li", `${beijingDateTime(t.at)} ${t.label}${t.message ? `：${t.message}` : ""}`)));
}

async function review(form: HTMLFormElement, documentId: string, verdict: "accepted" | "rejected", reason: string) {
  const res = await api.documents[":documentId"].review.$post({ param: { id, documentId }, json: { review: verdict, reason } });
  if (!res.ok) return showErrors(form, await apiError(res));
  await load();
}

function formValues(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
}

async function start() {
  if (!(await requirePage("applications.review", section))) return;
  const reveal = el<HTMLFormElement>("#reveal-form");
  reveal.addEventListener("submit", async (event) => {
    event.preventDefault();
    const v = formValues(reveal);
    const res = await api.reveal.$post({ param: { id }, json: v as never });
    if (!res.ok) return showErrors(reveal, await apiError(res));
    clearErrors(reveal);
    const body = await res.json();
    el("#reveal-result").textContent = `${body.value}（理由：${body.reason}，已记录）`;
  });
  const info = el<HTMLFormElement>("#info-form");
  info.addEventListener("submit", async (event) => {
    event.preventDefault();
    const res = await api["request-information"].$post({ param: { id }, json: { message: formValues(info).message ?? "" } });
    if (!res.ok) return showErrors(info, await apiError(res));
    clearErrors(info);
    await load();
  });
  const decision = el<HTMLFormElement>("#decision-form");
  decision.addEventListener("submit", async (event) => {
    event.preventDefault();
    const v = formValues(decision);
    const json = { decision: v.decision as "eligible" | "ineligible", text: v.text ?? "", ...(v.reasonCode ? { reasonCode: v.reasonCode as never } : {}) };
    const res = await api.decision.$post({ param: { id }, json });
    if (!res.ok) return showErrors(decision, await apiError(res));
    clearErrors(decision);
    await load();
  });
  await load();
}
void start();
