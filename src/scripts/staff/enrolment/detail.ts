/**
 * Application detail island: loads the masked application, shows each document beside the
 * answers it proves and its checklist (an image through the audited view route; a PDF drawn
 * on canvases by ./pdf-preview.ts, imported only when there is one, from the same route;
 * the download link under each either way), reveals one field with a reason (the API audits it), judges documents
 * (the reason field only for 不通过), asks for more information and records the decision,
 * whose reason fields show only for 不符合条件, then reloads. Text from the API is set with textContent only.
 */
import type { InferResponseType } from "hono/client";
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
  el("#detail-title").textContent = `申请${a.reference}`;
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
  const rows = a.sections.flatMap((sec) => sec.rows);
  el("#document-reviews").replaceChildren(...(a.documents.length ? a.documents.map((d) => documentReview(a.id, d, rows)) : [text("p", "这份申请没有上传材料。")]));
  el("#detail-timeline").replaceChildren(...a.timeline.map((t) => text("li", `${beijingDateTime(t.at)} ${t.label}${t.message ? `：${t.message}` : ""}`)));
}

type Application = InferResponseType<typeof api.$get, 200>["application"];
type Doc = Application["documents"][number];
type Row = Application["sections"][number]["rows"][number];

const documentUrl = (applicationId: string, documentId: string) => `/api/staff/applications/${encodeURIComponent(applicationId)}/documents/${encodeURIComponent(documentId)}`;

/** The image or the drawn PDF, and its download link, beside what it proves, what to check and the verdict. */
function documentReview(applicationId: string, d: Doc, rows: Row[]): HTMLElement {
  const article = document.createElement("article");
  article.className = "document-review";
  const headingId = `doc-${d.id}-title`;
  article.setAttribute("aria-labelledby", headingId);
  const heading = text("h3", `${d.kind}（${d.reviewLabel}${d.reason ? `：${d.reason}` : ""}）`);
  heading.id = headingId;
  const preview = document.createElement("div");
  preview.className = "document-preview";
  const download = document.createElement("a");
  download.href = documentUrl(applicationId, d.id);
  download.textContent = `下载${d.kind}（${d.contentType === "application/pdf" ? "PDF" : "图片"}，${Math.ceil(d.size / 1024)} KB）`;
  const url = `${documentUrl(applicationId, d.id)}/inline`;
  if (d.preview === "image") {
    const img = document.createElement("img");
    img.src = url;
    img.alt = `${d.kind}的图片`;
    img.loading = "lazy";
    preview.append(img);
  } else if (d.preview === "pdf") {
    const box = document.createElement("div");
    box.className = "pdf-preview";
    box.append(text("p", "正在载入PDF预览……"));
    preview.append(box);
    import("./pdf-preview").then(
      ({ renderPdf }) => renderPdf(box, url, d.kind),
      // pdf.js itself did not load: the same sentence its own failures give.
      () => box.replaceChildren(Object.assign(text("p", "无法预览此文件，请下载后查看。"), { className: "notice pdf-failed" })),
    );
  } else {
    preview.append(text("p", "这份材料不能在页面中预览，请下载后查看。"));
  }
  preview.append(download);
  const side = document.createElement("div");
  side.className = "document-side";
  const proven = rows.filter((r) => d.proves.some((p) => r.path === p || r.path.startsWith(`${p}.`)));
  if (proven.length) {
    side.append(text("h4", "它证明的填报内容"));
    const dl = document.createElement("dl");
    dl.className = "answers";
    for (const r of proven) {
      const div = document.createElement("div");
      div.append(text("dt", r.label), text("dd", r.value));
      dl.append(div);
    }
    side.append(dl);
  }
  if (d.shows.length) {
    side.append(text("h4", "核对要点"));
    const ul = document.createElement("ul");
    ul.className = "checklist";
    ul.append(...d.shows.map((item) => text("li", item)));
    side.append(ul);
  }
  side.append(reviewForm(d));
  article.append(heading, preview, side);
  return article;
}

/** A radio and its label in the console's 24 px choice row. */
function choice(name: string, value: string, id: string, label: string): { row: HTMLElement; input: HTMLInputElement } {
  const row = document.createElement("div");
  row.className = "choice";
  const input = document.createElement("input");
  input.type = "radio";
  input.name = name;
  input.value = value;
  input.id = id;
  const tag = text("label", label);
  tag.setAttribute("for", id);
  row.append(input, tag);
  return { row, input };
}

/**
 * One small form per document: 通过 or 不通过 (nothing chosen), and the reason the family sees
 * only once 不通过 is chosen (issue 19 item 4); the server still refuses a rejection without it.
 */
function reviewForm(d: Doc): HTMLFormElement {
  const form = document.createElement("form");
  form.method = "post";
  form.noValidate = true;
  form.className = "document-verdict";
  const verdicts = document.createElement("fieldset");
  verdicts.className = "field decision-choices";
  const reasonField = document.createElement("div");
  reasonField.className = "field";
  reasonField.id = `reason-field-${d.id}`;
  reasonField.hidden = true;
  const accepted = choice("review", "accepted", `verdict-accepted-${d.id}`, "通过");
  const rejected = choice("review", "rejected", `verdict-rejected-${d.id}`, "不通过");
  rejected.input.setAttribute("aria-controls", reasonField.id);
  verdicts.append(text("legend", `核对结论：${d.kind}`), accepted.row, rejected.row);
  const reasonLabel = text("label", "不通过的原因（家庭会看到）");
  const reason = document.createElement("input");
  reason.name = "reason";
  reason.id = `reason-${d.id}`;
  reasonLabel.setAttribute("for", reason.id);
  reasonField.append(reasonLabel, reason);
  form.addEventListener("change", () => {
    reasonField.hidden = !rejected.input.checked;
  });
  const save = text("button", `保存核对结论：${d.kind}`);
  save.className = "button-secondary";
  (save as HTMLButtonElement).type = "submit";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const verdict = rejected.input.checked ? "rejected" : accepted.input.checked ? "accepted" : "";
    void review(form, d.id, verdict, verdict === "rejected" ? reason.value : "");
  });
  form.append(verdicts, reasonField, save);
  return form;
}

async function review(form: HTMLFormElement, documentId: string, verdict: "accepted" | "rejected" | "", reason: string) {
  // No verdict chosen is sent as it is, so the server's message ("请选择通过或不通过") is the one shown.
  const res = await api.documents[":documentId"].review.$post({ param: { id, documentId }, json: { review: verdict as "accepted", reason } });
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
  const ineligibleFields = el("#ineligible-fields");
  // The reason fields belong to a negative decision only; the server still refuses one without them.
  decision.addEventListener("change", () => {
    ineligibleFields.hidden = formValues(decision).decision !== "ineligible";
  });
  decision.addEventListener("submit", async (event) => {
    event.preventDefault();
    const v = formValues(decision);
    const negative = v.decision === "ineligible";
    const json = { decision: v.decision as "eligible" | "ineligible", text: negative ? (v.text ?? "") : "", ...(negative && v.reasonCode ? { reasonCode: v.reasonCode as never } : {}) };
    const res = await api.decision.$post({ param: { id }, json });
    if (!res.ok) return showErrors(decision, await apiError(res));
    clearErrors(decision);
    await load();
  });
  await load();
}
void start();
