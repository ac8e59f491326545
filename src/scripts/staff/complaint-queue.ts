/**
 * The complaints queue island: lists the cases the role may see (the API applies the
 * department scope), most urgent first, with the filters of the form kept in the URL
 * (./queue-filter-form) and pages by cursor (`after`). Each case links to its page with the
 * queue's filters, so the case page can offer the previous and next case of the same queue.
 * With the right to assign, each row has a checkbox and the checked cases can be given to one
 * staff member at once (bulk assignment). Text goes in with textContent only.
 */
import type { InferResponseType } from "hono/client";
import { DEPARTMENT_LABELS, type Department } from "../../domain/staff/departments";
import { chineseDate } from "../../domain/complaint/time";
import { examinedWords } from "../../domain/complaint/queue-labels";
import { totalWords } from "../../domain/staff/queue-count";
import { apiError, staffApi } from "./api";
import { readFilters, wireFilterForm, wirePaging, type Filters } from "./queue-filter-form";
import { requirePage } from "./shell";

type Page = InferResponseType<typeof staffApi.complaints.$get, 200>;
type Row = Page["complaints"][number];
type Query = NonNullable<Parameters<typeof staffApi.complaints.$get>[0]>["query"];

const section = document.querySelector<HTMLElement>("#queue-section")!;
const form = document.querySelector<HTMLFormElement>("#queue-filter")!;
const tbody = document.querySelector<HTMLTableSectionElement>("#queue-body")!;
const status = document.querySelector<HTMLElement>("#queue-status")!;
const first = document.querySelector<HTMLButtonElement>("#prev-page")!;
const next = document.querySelector<HTMLButtonElement>("#next-page")!;
const bulk = document.querySelector<HTMLFormElement>("#bulk-assign")!;
const assignee = document.querySelector<HTMLSelectElement>("#assignee")!;
const bulkStatus = document.querySelector<HTMLElement>("#bulk-status")!;
let nextCursor: string | null = null;
let canAssign = false;

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

/** Only an open case's overdue clock is red; closed and merged cases have no running clock. */
function row(c: Row, filters: Filters): HTMLTableRowElement {
  const tr = document.createElement("tr");
  const pick = document.createElement("td");
  if (canAssign) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = "case";
    box.value = c.id;
    box.setAttribute("aria-label", `选择${c.reference}`);
    pick.append(box);
  }
  const ref = document.createElement("td");
  const link = document.createElement("a");
  link.href = `/staff/complaints/case/?${new URLSearchParams({ id: c.id, ...filters })}`;
  link.textContent = c.reference;
  ref.append(link);
  const live = c.dueOn !== null;
  tr.append(
    pick,
    ref,
    cell(c.categoryLabel),
    cell(c.hasDraft ? `${c.statusLabel}（有待审核的答复稿）` : c.statusLabel),
    cell(c.departmentLabel ?? `未分派（建议：${DEPARTMENT_LABELS[c.suggestedDepartment as Department]}）`),
    cell(chineseDate(c.receivedOn)),
    cell(live ? `${c.clock.which === "answer" ? "答复" : "受理"}：${c.clock.words}` : "无进行中的期限", live && c.clock.state === "overdue" ? "clock-overdue" : undefined),
  );
  return tr;
}

async function load() {
  const wanted = readFilters(form, ["after"]);
  const res = await staffApi.complaints.$get({ query: wanted as Query });
  if (!res.ok) {
    status.textContent = (await apiError(res)).message;
    return;
  }
  const body: Page = await res.json();
  const { after: _cursor, ...filters } = wanted;
  tbody.replaceChildren(...body.complaints.map((c) => row(c, filters)));
  const found = body.total ? `共${totalWords(body, "件")}，按紧急程度排列。` : "没有符合条件的投诉。";
  status.textContent = body.examined ? examinedWords(body.examined, body.complaints.length) : found;
  nextCursor = body.next;
  first.disabled = !wanted.after;
  next.disabled = body.next === null;
}

wireFilterForm(form, () => void load());
wirePaging(form, first, next, () => nextCursor, () => void load());

async function loadAssignees() {
  const res = await staffApi.complaints.assignees.$get();
  if (!res.ok) return;
  for (const a of (await res.json()).assignees) {
    const option = document.createElement("option");
    option.value = a.id;
    option.textContent = [a.displayName, a.roleLabel, a.departmentLabel].filter(Boolean).join("，");
    assignee.append(option);
  }
  bulk.hidden = false;
}

bulk.addEventListener("submit", async (event) => {
  event.preventDefault();
  const ids = [...tbody.querySelectorAll<HTMLInputElement>("input[name=case]:checked")].map((b) => b.value);
  if (ids.length === 0 || assignee.value === "") {
    bulkStatus.textContent = ids.length === 0 ? "请先勾选要分派的投诉。" : "请选择承办人。";
    return;
  }
  const res = await staffApi.complaints["bulk-assign"].$post({ json: { ids, assignee: assignee.value === "none" ? null : assignee.value } });
  if (!res.ok) {
    bulkStatus.textContent = (await apiError(res)).message;
    return;
  }
  bulkStatus.textContent = `已分派${(await res.json()).assigned}件投诉。`;
  await load();
});

const me = await requirePage("complaints.read", section);
if (me) {
  canAssign = me.actions.some((a) => a.action === "complaints.assign");
  if (canAssign) await loadAssignees();
  await load();
}
