/**
 * The console's keyboard shortcuts, loaded by StaffLayout on every console page: reads a
 * key press through `shortcutFor` (src/lib/staff-shortcuts.ts), then follows or focuses the
 * visible element marked `data-shortcut="<target>"`, or opens the help dialog for `?`.
 * Nothing happens while the focus is in a field, so typing "a" or "/" in a reply is text.
 */
import { shortcutFor } from "../../lib/staff-shortcuts";

const help = document.querySelector<HTMLDialogElement>("#shortcut-help");

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !["button", "submit", "reset", "checkbox", "radio", "file", "image", "range", "color"].includes(target.type);
  return false;
}

function visible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0 && !el.closest("[hidden]");
}

function act(el: HTMLElement) {
  if (el instanceof HTMLAnchorElement || el instanceof HTMLButtonElement) {
    el.click();
    return;
  }
  const control = el.matches("input, select, textarea") ? el : el.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea, button");
  (control ?? el).focus();
}

function openHelp() {
  if (help && !help.open) help.showModal();
}

document.querySelector("[data-shortcut-help]")?.addEventListener("click", openHelp);

document.addEventListener("keydown", (event) => {
  if (event.defaultPrevented || help?.open) return;
  const target = shortcutFor({ key: event.key, ctrlKey: event.ctrlKey, altKey: event.altKey, metaKey: event.metaKey, typing: typingIn(event.target) });
  if (!target) return;
  if (target === "help") {
    if (!help) return;
    event.preventDefault();
    openHelp();
    return;
  }
  const el = [...document.querySelectorAll<HTMLElement>(`[data-shortcut="${target}"]`)].find(visible);
  if (!el) return;
  event.preventDefault();
  act(el);
});
