/**
 * Review queue island (issue 19): the filters of the form kept in the URL
 * (../queue-filter-form: applied on change, Enter applies), pages by cursor (`after`), what
 * waits for a reviewer first; rows link to the detail page. Everything from the API is set
 * with textContent.
 */
import { apiError, staffApi } from "../api";
import { requirePage } from "../shell";
import { readFilters, wireFilterForm, wirePaging } from "../queue-filter-form";
import { beijingDateTime } from "../../../domain/complaint/time";
import { totalWords } from "../../../domain/staff/queue-count";

const section = document.querySelector<HTMLElement>("#queue-section")!;
const form = document.querySelector<HTMLFormElement>("#queue-filter")!;
const tbody = document.querySelector<HTMLTableSectionElement>("#queue-body")!;
const count = document.querySelector<HTMLElement>("#queue-count")!;
const first = document.querySelector<HTMLButtonElement>("#prev-page")!;
const next = document.querySelector<HTMLButtonElement>("#next-page")!;
let nextCursor: string | null = null;

type Query = Parameters<typeof staffApi.applications.$get>[0]["query"];

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
  const wanted = readFilters(form, ["after"]);
  const res = await staffApi.applications.$get({ query: wanted as Query });
  if (!res.ok) {
    count.textContent = (await apiError(res)).message;
    return;
  }
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
  count.textContent = body.total ? `共${totalWords(body, "份")}申请，待审核的在前，先交的在前。` : "没有符合条件的申请。";
  nextCursor = body.next;
  first.disabled = !wanted.after;
  next.disabled = body.next === null;
}

async function start() {
  if (!(await requirePage("applications.review", section))) return;
  wireFilterForm(form, () => void load());
  wirePaging(form, first, next, () => nextCursor, () => void load());
  await load();
}
void start();
