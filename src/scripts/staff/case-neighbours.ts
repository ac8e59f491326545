/**
 * The case page's previous/next links (src/components/staff/CaseNeighbours.astro): the page's
 * address is `?id=…&<the queue's filters>`; the API gives the ids before and after this case in
 * that queue, and each link keeps the same filters, so the clerk can walk the whole queue.
 */
import { staffApi } from "./api";

const nav = document.querySelector<HTMLElement>("nav.case-neighbours")!;
const params = new URLSearchParams(location.search);
const id = params.get("id") ?? "";
params.delete("id");
const filters = Object.fromEntries(params);

function show(link: HTMLAnchorElement, target: string | null) {
  if (!target) return;
  link.href = `?${new URLSearchParams({ id: target, ...filters })}`;
  link.hidden = false;
}

async function start() {
  if (!id) return;
  document.querySelector<HTMLAnchorElement>("#case-queue")!.href = `/staff/complaints/${params.size ? `?${params}` : ""}`;
  const res = await staffApi.complaints[":id"].neighbours.$get({ param: { id }, query: filters });
  if (!res.ok) return;
  const { previous, next } = await res.json();
  show(document.querySelector<HTMLAnchorElement>("#case-previous")!, previous);
  show(document.querySelector<HTMLAnchorElement>("#case-next")!, next);
  nav.hidden = false;
}
void start();
