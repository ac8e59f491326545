/**
 * Console home island: greets the user, shows the counts of the complaint queues the role
 * works from and, for the enrolment roles, the review queue's counts (issue 19; each a link
 * to the filtered queue), and lists what the role may do, from the matrix.
 */
import { QUEUE_COUNT_LABELS } from "../../domain/complaint/queue-labels";
import { APPLICATION_COUNT_LABELS } from "../../domain/enrolment/queue-labels";
import { totalWords } from "../../domain/staff/queue-count";
import { STAFF_ACTION_LABELS, type StaffAction } from "../../domain/staff/permissions";
import { staffApi } from "./api";
import { signedIn } from "./shell";

async function showCounts() {
  const res = await staffApi.complaints.counts.$get();
  if (!res.ok) return;
  const { counts } = await res.json();
  showLinks(
    "#dashboard",
    "#queue-counts",
    counts.map((c) => ({ href: `/staff/complaints/?${new URLSearchParams(c.filter as Record<string, string>)}`, text: `${QUEUE_COUNT_LABELS[c.key]}：${totalWords({ total: c.count, atLeast: c.atLeast }, "件")}` })),
  );
}

/** One "label：n" link per count into `#list`, its section shown when there is any. */
function showLinks(section: string, list: string, links: { href: string; text: string }[]) {
  for (const { href, text } of links) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = href;
    link.textContent = text;
    item.append(link);
    document.querySelector(list)!.append(item);
  }
  document.querySelector<HTMLElement>(section)!.hidden = links.length === 0;
}

async function showApplicationCounts() {
  const res = await staffApi.applications.counts.$get();
  if (!res.ok) return;
  const { counts } = await res.json();
  showLinks(
    "#enrolment-dashboard",
    "#application-counts",
    counts.map((c) => ({ href: `/staff/applications/?${new URLSearchParams(c.filter)}`, text: `${APPLICATION_COUNT_LABELS[c.key]}：${totalWords({ total: c.count, atLeast: c.atLeast }, "份")}` })),
  );
}

async function start() {
  const me = await signedIn();
  if (!me) return;
  const list = document.querySelector("#actions")!;
  for (const { action, scope } of me.actions) {
    if (action === "console.home") continue;
    const item = document.createElement("li");
    item.textContent = STAFF_ACTION_LABELS[action as StaffAction] + (scope === "department" ? "（限本部门）" : "");
    list.append(item);
  }
  if (me.actions.some((a) => a.action === "complaints.read")) await showCounts();
  if (me.actions.some((a) => a.action === "applications.review")) await showApplicationCounts();
  document.querySelector<HTMLElement>("#home-body")!.hidden = false;
  document.querySelector<HTMLElement>("#loading")!.hidden = true;
}
void start();
