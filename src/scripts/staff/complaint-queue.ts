/**
 * The complaints queue island: lists the cases the role may see (the API applies the
 * department scope), most urgent first, with the filters of the form kept in the URL
 * (./queue-filter-form) and pages by cursor (`after`). Each case links to its page with the
 * queue's filters, so the case page can offer the previous and next case of the same queue.
 * Text goes in with textContent only.
 */
import type { InferResponseType } from "hono/client";
import { DEPARTMENT_LABELS, type Department } from "../../domain/staff/departments";
import { chineseDate } from "../../domain/complaint/time";
import { apiError, staffApi } from "./api";
import { goTo, readFilters, wireFilterForm, type Filters } from "./queue-filter-form";
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
let nextCursor: string | null = null;

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

/** Only an open case's overdue clock is red; closed and merged cases have no running clock. */
function row(c: Row, filters: Filters): HTMLTableRowElement {
  const tr = document.createElement("tr");
  const ref = document.createElement("td");
  const link = document.createElement("a");
  link.href = `/staff/complaints/case/?${new URLSearchParams({ id: c.id, ...filters })}`;
  link.textContent = c.reference;
  ref.append(link);
  const live = c.dueOn !== null;
  tr.append(
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
  status.textContent = body.total ? `共${body.total}件，按紧急程度排列。` : "没有符合条件的投诉。";
  nextCursor = body.next;
  first.disabled = !wanted.after;
  next.disabled = body.next === null;
}

wireFilterForm(form, () => void load());
first.addEventListener("click", () => {
  const { after: _cursor, ...filters } = readFilters(form, ["after"]);
  goTo(filters, () => void load());
});
next.addEventListener("click", () => {
  if (nextCursor) goTo({ ...readFilters(form), after: nextCursor }, () => void load());
});

if (await requirePage("complaints.read", section)) await load();
