/**
 * Console home island: greets the user, shows the counts of the complaint queues the role
 * works from (issue 19; each a link to the filtered queue), and lists what the role may do,
 * from the matrix.
 */
import { QUEUE_COUNT_LABELS } from "../../domain/complaint/queue-labels";
import { STAFF_ACTION_LABELS, type StaffAction } from "../../domain/staff/permissions";
import { staffApi } from "./api";
import { signedIn } from "./shell";

async function showCounts() {
  const res = await staffApi.complaints.counts.$get();
  if (!res.ok) return;
  const { counts } = await res.json();
  const list = document.querySelector("#queue-counts")!;
  for (const c of counts) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `/staff/complaints/?${new URLSearchParams(c.filter as Record<string, string>)}`;
    link.textContent = `${QUEUE_COUNT_LABELS[c.key]}：${c.count}件`;
    item.append(link);
    list.append(item);
  }
  document.querySelector<HTMLElement>("#dashboard")!.hidden = counts.length === 0;
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
  document.querySelector<HTMLElement>("#home-body")!.hidden = false;
  document.querySelector<HTMLElement>("#loading")!.hidden = true;
}
void start();
