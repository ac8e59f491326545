/**
 * Shared by every signed-in console page: asks the API who is signed in (a signed-out
 * visitor is sent to sign in before anything is shown), hides the navigation a role cannot
 * use, wires the sign-out button, and reloads a page the browser restores from its
 * back-forward cache, so the back button after signing out never shows data.
 */
import type { InferResponseType } from "hono/client";
import { STAFF_ROLE_LABELS } from "../../domain/staff/roles";
import { apiError, staffApi, SIGN_IN_PAGE } from "./api";

export type Me = InferResponseType<typeof staffApi.me.$get, 200>;

window.addEventListener("pageshow", (event) => {
  if (event.persisted) location.reload();
});

let me: Promise<Me | null> | undefined;

export function signedIn(): Promise<Me | null> {
  me ??= (async () => {
    const res = await staffApi.me.$get();
    if (!res.ok) {
      await apiError(res);
      return null;
    }
    const body: Me = await res.json();
    const granted = new Set<string>(body.actions.map((a) => a.action));
    for (const link of document.querySelectorAll<HTMLElement>("[data-requires]")) {
      link.hidden = !granted.has(link.dataset.requires!);
    }
    for (const el of document.querySelectorAll("[data-user-name]")) {
      el.textContent = `${body.user.displayName}（${STAFF_ROLE_LABELS[body.user.role]}）`;
    }
    document.querySelector<HTMLElement>(".staff-bar")?.removeAttribute("hidden");
    return body;
  })();
  return me;
}

document.querySelector("#sign-out")?.addEventListener("click", async () => {
  const res = await staffApi.auth["sign-out"].$post();
  if (!res.ok && (res.status as number) !== 401) {
    const status = document.querySelector("#sign-out-status");
    if (status) status.textContent = `${(await apiError(res)).message}退出未完成，请重试。`;
    return;
  }
  // Remove what the page shows before leaving, and replace the history entry.
  document.querySelector("main")?.replaceChildren();
  location.replace(SIGN_IN_PAGE);
});

/** Shows `el` only when the user may use this page; otherwise a plain refusal. */
export async function requirePage(action: string, el: HTMLElement): Promise<Me | null> {
  const who = await signedIn();
  if (!who) return null;
  if (!who.actions.some((a) => a.action === action)) {
    const p = document.createElement("p");
    p.textContent = "您的角色没有权限查看此页面。";
    el.replaceWith(p);
    return null;
  }
  el.hidden = false;
  return who;
}
