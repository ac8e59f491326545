/**
 * The one rendering of a receipt's code, shared by the enrolment confirmation and the
 * complaint receipt (issue 16 item 7, issue 22 item 4): the code in its groups, each an
 * inline-block that never wraps, so a 320 px screen breaks it only between groups; and the
 * copy and save-as-image buttons, hidden until src/scripts/access-code.ts wires them (they
 * need a script). The code travels only in a data attribute of this no-store page, never in
 * a link; the image's heading and file name come from `title` so each receipt names itself.
 */
import { html } from "hono/html";
import { sync, type Html } from "./html";

/** The code in its groups, the dash kept with the group before it ("VA1G-" / "APEF"). */
export function accessCodeHtml(code: string, id?: string): Html {
  const groups = code.split("-");
  return sync(html`<span class="code access-code"${id ? html` id="${id}"` : ""}>${groups.map((g, i) => html`<span class="code-group">${g}${i < groups.length - 1 ? "-" : ""}</span>`)}</span>`);
}

/** Copy and save-as-image buttons for a receipt; `title` heads the image and names its file. */
export function codeActionsHtml(reference: string, code: string, title = "随迁子女入学申请"): Html {
  return sync(html`<div class="code-actions no-print" data-code-actions data-reference="${reference}" data-code="${code}" data-title="${title}" hidden>
  <button type="button" class="button button-secondary" data-copy-code>复制查询码</button>
  <button type="button" class="button button-secondary" data-save-code>保存为图片</button>
  <span role="status" data-code-status></span>
</div>`);
}
