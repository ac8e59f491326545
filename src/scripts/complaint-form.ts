/**
 * Enhancement of the /complain/ form (it works without this): the post is sent with an
 * `Idempotency-Key` that stays the same until the complaint is filed, so pressing submit
 * again after a dropped connection returns the same reference instead of filing twice.
 * The server answers with the same HTML a no-JavaScript post gets (escaped by the server);
 * its <main> and title replace this page's, and focus moves to the error summary or the heading.
 */
import { wireAccessCode } from "./access-code";

const form = document.querySelector<HTMLFormElement>("#complaint-form");
let key = crypto.randomUUID();
let sending = false;

async function submit(event: SubmitEvent) {
  const target = event.currentTarget as HTMLFormElement;
  event.preventDefault();
  if (sending) return;
  sending = true;
  const button = target.querySelector<HTMLButtonElement>("button[type=submit]");
  if (button) button.disabled = true;
  try {
    const res = await fetch(target.action, {
      method: "POST",
      // Multipart with the chosen files; the browser sets the boundary.
      headers: { Accept: "text/html", "Idempotency-Key": key },
      body: new FormData(target),
    });
    const page = new DOMParser().parseFromString(await res.text(), "text/html");
    const main = page.querySelector("main");
    if (!main) throw new Error("no page");
    if (res.ok) key = crypto.randomUUID();
    document.title = page.title;
    document.querySelector("main")!.replaceWith(document.adoptNode(main));
    const next = document.querySelector<HTMLElement>(".error-summary") ?? document.querySelector<HTMLElement>("main h1");
    next?.setAttribute("tabindex", "-1");
    next?.focus();
    document.querySelector<HTMLFormElement>("#complaint-form")?.addEventListener("submit", submit);
    // The receipt arrives as HTML: its copy and save buttons need wiring here, as the shell page's script would.
    wireAccessCode(document);
  } catch {
    const note = document.createElement("p");
    note.className = "field-error";
    note.setAttribute("role", "alert");
    note.textContent = "网络连接中断，投诉可能没有提交。请再次点击“提交投诉”：重复提交不会产生两件投诉。";
    target.prepend(note);
  } finally {
    sending = false;
    if (button) button.disabled = false;
  }
}

form?.addEventListener("submit", submit);
