/**
 * The complaints queue island: lists the cases the role may see (the API applies the
 * department scope), filtered by status from the URL, each with its live clock in words.
 * Text goes in with textContent only.
 */
import type { InferResponseType } from "hono/client";
import { DEPARTMENT_LABELS, type Department } from "../../domain/staff/departments";
import { apiError, staffApi } from "./api";
import { requirePage } from "./shell";

type Row = InferResponseType<typeof staffApi.complaints.$get, 200>["complaints"][number];

const section = document.querySelector<HTMLElement>("#queue-section")!;
const tbody = document.querySelector<HTMLTableSectionElement>("#queue-body")!;
const status = document.querySelector<HTMLElement>("#queue-status")!;
const select = document.querySelector<HTMLSelectElement>("#status")!;

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
    cell(c.receivedOn),
    cell(`${c.clock.which === "answer" ? "答复" : "受理"}：${c.clock.words}`, c.clock.state === "overdue" ? "clock-overdue" : undefined),
  );
  return tr;
}

async function load() {
  const params = new URLSearchParams(location.search);
  const wanted = params.get("status") ?? "";
  select.value = wanted;
  const res = await staffApi.complaints.$get({ query: wanted ? { status: wanted as Row["status"] } : {} });
  if (!res.ok) {
    status.textContent = (await apiError(res)).message;
    return;
  }
  const { complaints } = await res.json();
  tbody.replaceChildren(...complaints.map(row));
  status.textContent = complaints.length ? `共 ${complaints.length} 件。` : "没有符合条件的投诉。";
}

document.querySelector("#queue-filter")?.addEventListener("submit", (event) => {
  event.preventDefault();
  const url = new URL(location.href);
  if (select.value) url.searchParams.set("status", select.value);
  else url.searchParams.delete("status");
  history.pushState(null, "", url);
  void load();
});

if (await requirePage("complaints.read", section)) await load();
