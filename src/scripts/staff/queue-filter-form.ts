/**
 * A staff queue's GET filter form, kept in the URL (issue 19): `readFilters` fills the form
 * from the address and returns what it asks for; `wireFilterForm` applies a change at once
 * (selects and checkboxes), Enter in a select or the submit button apply too, and each applied
 * filter becomes the address (history), so the back button, a bookmark and a dashboard link
 * all give the same view. Shared by the complaint and application queues.
 */
export type Filters = Record<string, string>;

type FilterField = HTMLInputElement | HTMLSelectElement;

function fieldsOf(form: HTMLFormElement): FilterField[] {
  return [...form.elements].filter((e): e is FilterField => (e instanceof HTMLSelectElement || e instanceof HTMLInputElement) && e.name !== "");
}

/** The form's values (empty ones left out). */
export function formFilters(form: HTMLFormElement): Filters {
  const wanted: Filters = {};
  for (const f of fieldsOf(form)) {
    const v = f instanceof HTMLInputElement && f.type === "checkbox" ? (f.checked ? f.value : "") : f.value.trim();
    if (v) wanted[f.name] = v;
  }
  return wanted;
}

/** The filters in the address, shown in the form; `extra` names parameters kept but not in the form (a cursor). */
export function readFilters(form: HTMLFormElement, extra: readonly string[] = []): Filters {
  const params = new URLSearchParams(location.search);
  const wanted: Filters = {};
  for (const f of fieldsOf(form)) {
    const v = params.get(f.name) ?? "";
    if (f instanceof HTMLInputElement && f.type === "checkbox") f.checked = v === f.value;
    else f.value = v;
    if (v) wanted[f.name] = v;
  }
  for (const name of extra) {
    const v = params.get(name);
    if (v) wanted[name] = v;
  }
  return wanted;
}

/** Puts `wanted` in the address and calls `load`. */
export function goTo(wanted: Filters, load: () => void) {
  const params = new URLSearchParams(wanted);
  history.pushState(null, "", params.size ? `?${params}` : location.pathname);
  load();
}

export function wireFilterForm(form: HTMLFormElement, load: () => void) {
  const apply = () => goTo(formFilters(form), load);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  form.addEventListener("change", (event) => {
    // A typed search applies on Enter or the button, not on every blur.
    if (event.target instanceof HTMLInputElement && event.target.type === "search") return;
    apply();
  });
  form.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target instanceof HTMLSelectElement) {
      event.preventDefault();
      apply();
    }
  });
  window.addEventListener("popstate", () => load());
}

/** 第一页 drops the cursor; 下一页 carries the one the last page gave (`nextCursor()`), filters kept. */
export function wirePaging(form: HTMLFormElement, first: HTMLButtonElement, next: HTMLButtonElement, nextCursor: () => string | null, load: () => void) {
  first.addEventListener("click", () => {
    const { after: _cursor, ...filters } = readFilters(form, ["after"]);
    goTo(filters, load);
  });
  next.addEventListener("click", () => {
    const cursor = nextCursor();
    if (cursor) goTo({ ...readFilters(form), after: cursor }, load);
  });
}
