/**
 * The one event between the case page's islands: complaint-case.ts dispatches it on
 * `document` after an action changed the case, and case-neighbours.ts asks for 上一件/下一件
 * again. A module of its own so neither island imports the other's side effects.
 */
export const CASE_CHANGED = "staff:case-changed";

export function caseChanged(): void {
  document.dispatchEvent(new CustomEvent(CASE_CHANGED));
}
