/**
 * The case page's previous/next links (src/components/staff/CaseNeighbours.astro): the page's
 * address is `?id=…&<the queue's filters>`; the API gives the ids before and after this case in
 * that queue, and each link keeps the same filters, so the clerk can walk the whole queue.
 * The first answer also gives `at`, the case's place in the queue as the clerk opened it,
 * which the page keeps in its address (so a reload keeps it too); after every action on the
 * case (./case-events.ts) the links are asked for again
 * from that place, so 下一件 is the case that followed this one even when the action took
 * it out of the queue or moved its due date, and a link whose case has gone is hidden.
 */
import { staffApi } from "./api";
import { CASE_CHANGED } from "./case-events";

const nav = document.querySelector<HTMLElement>("nav.case-neighbours")!;
const params = new URLSearchParams(location.search);
const id = params.get("id") ?? "";
let at = params.get("at") ?? "";
params.delete("id");
params.delete("at");
const filters = Object.fromEntries(params);

function show(link: HTMLAnchorElement, target: string | null) {
  link.hidden = !target;
  if (target) link.href = `?${new URLSearchParams({ id: target, ...filters })}`;
  else link.removeAttribute("href");
}

async function refresh() {
  const res = await staffApi.complaints[":id"].neighbours.$get({ param: { id }, query: { ...filters, ...(at ? { at } : {}) } });
  if (!res.ok) return;
  const body = await res.json();
  if (!at) {
    at = body.at;
    history.replaceState(history.state, "", `?${new URLSearchParams({ id, ...filters, at })}`);
  }
  show(document.querySelector<HTMLAnchorElement>("#case-previous")!, body.previous);
  show(document.querySelector<HTMLAnchorElement>("#case-next")!, body.next);
  nav.hidden = false;
}

async function start() {
  if (!id) return;
  document.querySelector<HTMLAnchorElement>("#case-queue")!.href = `/staff/complaints/${params.size ? `?${params}` : ""}`;
  document.addEventListener(CASE_CHANGED, () => void refresh());
  await refresh();
}
void start();
