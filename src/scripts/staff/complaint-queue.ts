/**
 * The complaints queue island: lists the cases the role may see (the API applies the
 * department scope), filtered by status, category and department and paged, all from the
 * URL (bookmarkable), each with its live clock in words. Text goes in with textContent only.
 */
import type { InferResponseType } from "hono/client";
import { DEPARTMENT_LABELS, type Department } from "../../domain/staff/departments";
import { chineseDate } from "../../domain/complaint/time";
import { apiError, staffApi } from "./api";
import { requirePage } from "./shell";

type Page = InferResponseType<typeof staffApi.complaints.$get, 200>;
type Row = Page["complaints"][number];
type Query = NonNullable<Parameters<typeof staffApi.complaints.$get>[0]>["query"];

const section = document.querySelector<HTMLElement>("#queue-section")!;
const form = document.querySelector<HTMLFormElement>("#queue-filter")!;
const tbody = document.querySelector<HTMLTableSectionElement>("#queue-body")!;
const status = document.querySelector<HTMLElement>("#queue-status")!;
const prev = document.querySelector<HTMLButtonElement>("#prev-page")!;
const next = document.querySelector<HTMLButtonElement>("#next-page")!;
const FIELDS = ["status", "category", "department"] as const;

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function row(c: Row): HTMLTableRowElement {
  const tr = document.createElement("tr");
  const first = document.createElement("td");
  const link = document.createElement("a");
  link.href = `/staff/complaints/case/?id=${encodeURIComponent(c.id)}`;
  link.textContent = c.reference;
  first.append(link);
  tr.append(
    first,
    cell(c.categoryLabel),
    cell(c.hasDraft ? `${c.statusLabel}（有待审核的答复稿）` : c.statusLabel),
    cell(c.departmentLabel ?? `未分派（建议：${DEPARTMENT_LABELS[c.suggestedDepartment as Department]}）`),
    cell(chineseDate(c.receivedOn)),
    cell(`${c.clock.which === "answer" ? "答复" : "受理"}：${c.clock.words}`, c.clock.state === "overdue" ? "clock-overdue" : undefined),
  );
  return tr;
}

/** The filters and page the URL asks for, shown in the form. */
function fromUrl(): Record<string, string> {
  const params = new URLSearchParams(location.search);
  const wanted: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = params.get(f) ?? "";
    (form.elements.namedItem(f) as HTMLSelectElement).value = v;
    if (v) wanted[f] = v;
  }
  const page = Number(params.get("page") ?? "1");
  if (Number.isInteger(page) && page > 1) wanted.page = String(page);
  return wanted;
}

function go(wanted: Record<string, string>) {
  const params = new URLSearchParams(wanted);
  history.pushState(null, "", params.size ? `?${params}` : location.pathname);
  void load();
}

async function load() {
  const wanted = fromUrl();
  const res = await staffApi.complaints.$get({ query: wanted as Query });
  if (!res.ok) {
    status.textContent = (await apiError(res)).message;
    return;
  }
  const body: Page = await res.json();
  tbody.replaceChildren(...body.complaints.map(row));
  status.textContent = body.total ? `共 ${body.total} 件，第 ${body.page} / ${body.pages} 页。` : "没有符合条件的投诉。";
  prev.disabled = body.page <= 1;
  next.disabled = body.page >= body.pages;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const wanted: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = (form.elements.namedItem(f) as HTMLSelectElement).value;
    if (v) wanted[f] = v;
  }
  go(wanted);
});
for (const [button, step] of [[prev, -1], [next, 1]] as const) {
  button.addEventListener("click", () => {
    const wanted = fromUrl();
    go({ ...wanted, page: String(Math.max(1, Number(wanted.page ?? "1") + step)) });
  });
}
window.addEventListener("popstate", () => void load());

if (await requirePage("complaints.read", section)) await load();
