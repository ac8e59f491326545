/**
 * Audit trail viewer island (auditors): filter by actor, action, object and date range,
 * show the newest 500 rows, and offer the same filter as a CSV download. The filter goes
 * into the page's query string so a view can be bookmarked and shared between auditors.
 */
import { apiError, staffApi } from "./api";
import { showErrors, clearErrors } from "../../forms/staff/error-summary";
import { requirePage } from "./shell";
import { beijingDateTime } from "../../domain/complaint/time";

const section = document.querySelector<HTMLElement>("#audit-section")!;
const form = document.querySelector<HTMLFormElement>("#audit-filter")!;
const tbody = document.querySelector<HTMLTableSectionElement>("#audit-body")!;
const count = document.querySelector<HTMLElement>("#audit-count")!;
const exportLink = document.querySelector<HTMLAnchorElement>("#audit-export")!;

const FIELDS = ["actor", "action", "object", "from", "to"] as const;

function filter(): Record<(typeof FIELDS)[number], string | undefined> {
  const data = new FormData(form);
  return Object.fromEntries(FIELDS.map((f) => [f, String(data.get(f) ?? "").trim() || undefined])) as Record<(typeof FIELDS)[number], string | undefined>;
}

async function load() {
  const query = filter();
  const res = await staffApi.audit.$get({ query });
  if (!res.ok) return showErrors(form, await apiError(res));
  clearErrors(form);
  const { entries } = await res.json();
  tbody.replaceChildren(
    ...entries.map((e) => {
      const tr = document.createElement("tr");
      for (const text of [beijingDateTime(e.at, "seconds"), e.actorEmail ?? e.actorId ?? "—", e.actorRole ?? "—", e.action, [e.objectType, e.objectId].filter(Boolean).join(" ") || "—", e.outcome, e.detail ?? "", e.requestId]) {
        const td = document.createElement("td");
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    }),
  );
  count.textContent = `共显示${entries.length}条（最多500条，最新的在前）。`;
  const params = new URLSearchParams(Object.entries(query).filter((kv): kv is [string, string] => kv[1] !== undefined));
  exportLink.href = `/api/staff/audit/export${params.size ? `?${params}` : ""}`;
  history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
}

async function start() {
  if (!(await requirePage("audit.read", section))) return;
  const initial = new URLSearchParams(location.search);
  for (const f of FIELDS) {
    const input = form.elements.namedItem(f) as HTMLInputElement | null;
    if (input && initial.get(f)) input.value = initial.get(f)!;
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void load();
  });
  await load();
}
void start();
