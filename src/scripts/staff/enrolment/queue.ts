/**
 * Review queue island: filters and page go into the query string (bookmarkable), rows link
 * to the detail page. Everything from the API is set with textContent.
 */
import { apiError, staffApi } from "../api";
import { clearErrors, showErrors } from "../../../forms/staff/error-summary";
import { requirePage } from "../shell";
import { beijingDateTime } from "../../../domain/complaint/time";

const section = document.querySelector<HTMLElement>("#queue-section")!;
const form = document.querySelector<HTMLFormElement>("#queue-filter")!;
const tbody = document.querySelector<HTMLTableSectionElement>("#queue-body")!;
const count = document.querySelector<HTMLElement>("#queue-count")!;
const prev = document.querySelector<HTMLButtonElement>("#prev-page")!;
const next = document.querySelector<HTMLButtonElement>("#next-page")!;
const FIELDS = ["state", "grade", "area", "preference", "overdue"] as const;
let page = 1;

function query(): Record<string, string> & { page: string } {
  const data = new FormData(form);
  const q: Record<string, string> & { page: string } = { page: String(page) };
  for (const f of FIELDS) {
    const v = String(data.get(f) ?? "");
    if (v) q[f] = v;
  }
  return q;
}

function cell(text: string, href?: string): HTMLTableCellElement {
  const td = document.createElement("td");
  if (href) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    td.append(a);
  } else td.textContent = text;
  return td;
}

async function load() {
  const q = query();
  const res = await staffApi.applications.$get({ query: q });
  if (!res.ok) return showErrors(form, await apiError(res));
  clearErrors(form);
  const body = await res.json();
  tbody.replaceChildren(
    ...body.items.map((item) => {
      const tr = document.createElement("tr");
      tr.append(
        cell(item.reference, `/staff/applications/detail/?id=${encodeURIComponent(item.id)}`),
        cell(item.childName),
        cell(`${item.stateLabel}${item.overdue ? "（已超期）" : ""}${item.duplicate ? "（重复申请）" : ""}`),
        cell(item.grade),
        cell(item.area),
        cell(item.preferences.join("、")),
        cell(String(item.points)),
        cell(beijingDateTime(item.submittedAt)),
      );
      return tr;
    }),
  );
  count.textContent = `共 ${body.total} 份申请，第 ${body.page} / ${body.pages} 页。`;
  prev.disabled = body.page <= 1;
  next.disabled = body.page >= body.pages;
  const params = new URLSearchParams(Object.entries(q).filter(([k, v]) => k !== "page" || v !== "1"));
  history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
}

async function start() {
  if (!(await requirePage("applications.review", section))) return;
  const initial = new URLSearchParams(location.search);
  for (const f of FIELDS) {
    const el = form.elements.namedItem(f) as HTMLSelectElement | null;
    if (el && initial.get(f)) el.value = initial.get(f)!;
  }
  page = Math.max(1, Number(initial.get("page") ?? "1") || 1);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    page = 1;
    void load();
  });
  prev.addEventListener("click", () => {
    page = Math.max(1, page - 1);
    void load();
  });
  next.addEventListener("click", () => {
    page += 1;
    void load();
  });
  await load();
}
void start();
