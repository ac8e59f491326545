/**
 * One complaint case in the console: facts, clocks, draft and answer, full history, and the
 * forms the role may use in the current status (each form names its matrix action and the
 * statuses it applies to in data attributes). After each action the focus moves to the
 * result line (#case-status), so a keyboard or screen-reader user hears what happened and
 * continues from there, and the 上一件/下一件 island is told to ask for its links again
 * (./case-events.ts). The reply-template list keeps the case's category's templates and
 * inserts the chosen one into the draft at the cursor. Every string, above all citizen
 * text, goes in with textContent; nothing from the API is parsed as HTML.
 */
import type { InferResponseType } from "hono/client";
import { schoolName } from "../../domain/complaint/schemas";
import { chineseDate } from "../../domain/complaint/time";
import { apiError, staffApi, type ApiError } from "./api";
import { caseChanged } from "./case-events";
import { clearErrors, showErrors } from "../../forms/staff/error-summary";
import { requirePage, type Me } from "./shell";

type Case = InferResponseType<(typeof staffApi.complaints)[":id"]["$get"], 200>["complaint"];

const section = document.querySelector<HTMLElement>("#case-section")!;
const statusLine = document.querySelector<HTMLElement>("#case-status")!;
const id = new URLSearchParams(location.search).get("id") ?? "";
const param = { param: { id } };
let me: Me | null = null;

function text(selector: string, value: string) {
  const el = document.querySelector<HTMLElement>(selector);
  if (el) el.textContent = value;
}

function facts(target: HTMLElement, pairs: [string, string][]) {
  target.replaceChildren(
    ...pairs.flatMap(([k, v]) => {
      const dt = document.createElement("dt");
      dt.textContent = k;
      const dd = document.createElement("dd");
      dd.textContent = v;
      return [dt, dd];
    }),
  );
}

function show(c: Case) {
  document.title = document.title.replace(/^(错误：)?投诉案件/, `$1投诉${c.reference}`);
  text("#case-title", `投诉${c.reference}`);
  facts(document.querySelector("#case-facts")!, [
    ["状态", c.statusLabel],
    ["类别", c.categoryLabel],
    ["学校", schoolName(c.school)],
    ["责任部门", c.departmentLabel ?? "未分派"],
    ["收到日期", chineseDate(c.receivedOn)],
    ["事情发生日期", chineseDate(c.happenedOn)],
    ["受理决定期限", c.clocks.acceptance.words],
    ["答复期限", c.clocks.answer ? c.clocks.answer.words : "受理后开始计算"],
    ...(c.pendingExtensionDays > 0 ? ([["延期申请", `申请延长${c.pendingExtensionDays}日，等待分管负责人批准；批准前期限不变。`]] as [string, string][]) : []),
    ["投诉人", c.contactMode === "anonymous" ? "匿名" : c.departmentMayContact ? "实名，同意责任部门联系" : "实名，不同意责任部门联系"],
    ["同意公开摘要", c.publishConsent ? "是" : "否"],
    ...(c.notAcceptedReason ? ([["不予受理理由", c.notAcceptedReason]] as [string, string][]) : []),
    ...(c.mergedInto ? ([["已并入", c.mergedInto]] as [string, string][]) : []),
  ]);
  text("#case-text", c.whatHappened);
  const files = document.querySelector<HTMLUListElement>("#attachments")!;
  files.replaceChildren(
    ...(c.attachments.length
      ? c.attachments.map((a) => {
          const li = document.createElement("li");
          const link = document.createElement("a");
          link.href = `/api/staff/complaints/${encodeURIComponent(c.id)}/attachments/${encodeURIComponent(a.id)}`;
          link.textContent = `${a.name}（${Math.ceil(a.size / 1024)} KB，下载）`;
          li.append(link);
          return li;
        })
      : [Object.assign(document.createElement("li"), { textContent: "无" })]),
  );
  const draft = document.querySelector<HTMLElement>("#draft-block")!;
  draft.hidden = !c.draft;
  if (c.draft) {
    text("#draft-outcome", `办理结果：${c.draft.outcomeLabel ?? ""}`);
    text("#draft-text", c.draft.answer);
    text("#draft-summary", c.draft.summary ? `公开摘要：${c.draft.summary}` : "");
  }
  const answer = document.querySelector<HTMLElement>("#answer-block")!;
  answer.hidden = !c.answer;
  if (c.answer) {
    text("#answer-outcome", `办理结果：${c.answer.outcomeLabel ?? ""}（${c.answer.answeredOn ? chineseDate(c.answer.answeredOn) : ""}）`);
    text("#answer-text", c.answer.text);
  }
  const granted = new Set<string>(me?.actions.map((a) => a.action));
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-action]")) {
    const when = form.dataset.when?.split(" ");
    form.hidden =
      !granted.has(form.dataset.action!) ||
      (when !== undefined && !when.includes(c.status)) ||
      (form.dataset.needsDraft !== undefined && !c.draft) ||
      (form.dataset.needsExtensionRequest !== undefined && c.pendingExtensionDays === 0) ||
      (form.dataset.named !== undefined && (c.contactMode !== "named" || (me?.user.role === "department_liaison" && !c.departmentMayContact)));
  }
  const department = document.querySelector<HTMLSelectElement>("#department")!;
  department.value = c.department ?? c.suggestedDepartment;
  document.querySelector<HTMLSelectElement>("#category")!.value = c.category;
  const answerBox = document.querySelector<HTMLTextAreaElement>("#answer")!;
  if (!answerBox.value && c.draft) answerBox.value = c.draft.answer;
  for (const option of document.querySelectorAll<HTMLOptionElement>("#reply-template option[data-category]")) {
    option.hidden = option.disabled = option.dataset.category !== c.category;
  }
  document.querySelector<HTMLElement>("#summary-field")!.hidden = !c.publishConsent;
  const history = document.querySelector<HTMLOListElement>("#history")!;
  history.replaceChildren(
    ...c.history.map((h) => {
      const li = document.createElement("li");
      const head = document.createElement("strong");
      head.textContent = `${h.when}（北京时间） · ${h.label} · ${h.by}${h.visibility === "internal" ? "（内部）" : ""}`;
      li.append(head);
      if (h.detailLabel) li.append(`：${h.detailLabel}`);
      if (h.text) {
        const p = document.createElement("p");
        p.className = "case-text";
        p.textContent = h.text;
        li.append(p);
      }
      return li;
    }),
  );
}

async function load() {
  const res = await staffApi.complaints[":id"].$get(param);
  document.querySelector("#case-loading")?.remove();
  if (!res.ok) {
    const error = await apiError(res);
    section.hidden = true;
    const p = document.createElement("p");
    p.textContent = error.message;
    document.querySelector("main .staff-wrap")?.append(p);
    return;
  }
  section.hidden = false;
  show((await res.json()).complaint);
}

/** Says what an action did and takes the focus there, so it is heard and the next Tab starts from it. */
function announce(message: string) {
  statusLine.textContent = message;
  statusLine.focus();
}

type Submit = (form: HTMLFormElement, data: Record<string, string>) => Promise<Response>;

const SUBMITS: Record<string, [Submit, string]> = {
  "decide-form": [(_f, d) => staffApi.complaints[":id"].decide.$post({ ...param, json: { decision: d.decision as "accept", reason: d.reason || undefined } }), "已保存受理决定。"],
  "assign-form": [(_f, d) => staffApi.complaints[":id"].assign.$post({ ...param, json: { department: d.department as "jiaoyu-ju" } }), "已分派。"],
  "approve-form": [() => staffApi.complaints[":id"].approve.$post(param), "答复已批准并发送。"],
  "return-form": [(_f, d) => staffApi.complaints[":id"]["return-draft"].$post({ ...param, json: { reason: d.reason ?? "" } }), "答复稿已退回。"],
  "note-form": [(_f, d) => staffApi.complaints[":id"].notes.$post({ ...param, json: { text: d.text ?? "" } }), "记录已保存。"],
  "draft-form": [
    (_f, d) =>
      staffApi.complaints[":id"].draft.$post({ ...param, json: { outcome: d.outcome as "substantiated", answer: d.answer ?? "", publicSummary: d.publicSummary || undefined } }),
    "答复稿已提交，等待投诉受理人员审核。",
  ],
  "recategorise-form": [(_f, d) => staffApi.complaints[":id"].recategorise.$post({ ...param, json: { category: d.category as "other" } }), "类别已调整。"],
  "information-form": [(_f, d) => staffApi.complaints[":id"]["request-information"].$post({ ...param, json: { message: d.message ?? "" } }), "已请投诉人补充材料。"],
  "extend-form": [(_f, d) => staffApi.complaints[":id"].extend.$post({ ...param, json: { days: Number(d.days), notice: d.notice ?? "" } }), "延期申请已提交，等待分管负责人批准。"],
  "approve-extension-form": [() => staffApi.complaints[":id"].extension.approve.$post(param), "已批准延期，办理期限已顺延并告知投诉人。"],
  "merge-form": [(_f, d) => staffApi.complaints[":id"].merge.$post({ ...param, json: { into: d.into ?? "" } }), "已合并。"],
};

for (const [formId, [submit, done]] of Object.entries(SUBMITS)) {
  const form = document.querySelector<HTMLFormElement>(`#${formId}`);
  form?.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const data = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
    const res = await submit(form, data);
    if (!res.ok) {
      showErrors(form, await apiError(res));
      return;
    }
    form.reset();
    show((await res.json() as { complaint: Case }).complaint);
    announce(done);
    // The case may have left the queue or moved in it: 上一件/下一件 are asked for again.
    caseChanged();
  });
}

/** Inserts the chosen template at the draft's cursor (or over its selection), then returns to the draft. */
document.querySelector("#insert-template")?.addEventListener("click", () => {
  const picker = document.querySelector<HTMLSelectElement>("#reply-template")!;
  const answerBox = document.querySelector<HTMLTextAreaElement>("#answer")!;
  const chosen = picker.selectedOptions[0];
  const status = document.querySelector<HTMLElement>("#template-status")!;
  if (!chosen?.dataset.text) {
    status.textContent = "请先选择一个模板。";
    picker.focus();
    return;
  }
  answerBox.setRangeText(chosen.dataset.text, answerBox.selectionStart, answerBox.selectionEnd, "end");
  status.textContent = `已插入模板“${chosen.textContent?.trim()}”，请替换方括号部分。`;
  answerBox.focus();
});

const reveal = document.querySelector<HTMLFormElement>("#reveal-form");
reveal?.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearErrors(reveal);
  const reason = String(new FormData(reveal).get("reason") ?? "");
  const res = await staffApi.complaints[":id"]["reveal-contact"].$post({ ...param, json: { reason } });
  if (!res.ok) {
    showErrors(reveal, (await apiError(res)) as ApiError);
    return;
  }
  const { contact } = await res.json();
  const list = document.querySelector<HTMLElement>("#contact")!;
  facts(list, [
    ["姓名", contact?.name ?? ""],
    ["手机", contact?.phone ?? "—"],
    ["电子邮箱", contact?.email ?? "—"],
  ]);
  list.hidden = false;
  announce("已显示投诉人身份，本次查看已记入审计日志。");
});

me = await requirePage("complaints.read", section);
if (me) {
  // requirePage shows the section; keep it hidden until the case is filled in.
  section.hidden = true;
  await load();
}
