/** Console home island: greets the user and lists what their role may do, from the matrix. */
import { STAFF_ACTION_LABELS, type StaffAction } from "../../domain/staff/permissions";
import { signedIn } from "./shell";

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
  document.querySelector<HTMLElement>("#home-body")!.hidden = false;
  document.querySelector<HTMLElement>("#loading")!.hidden = true;
}
void start();
