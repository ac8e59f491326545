/**
 * Progressive enhancement of /enrol/apply/ (the page works without it). The form is one
 * question group per page here too: the script renders the same group pages as the server
 * (stepFormHtml) and follows the same step rule (decideStep), so errors, order and wording
 * never differ between the paths. When every group is good, the draft is saved on the server
 * (POST /api/enrol/draft, sealed, bound to an httpOnly cookie) before the check page, so a
 * phone that drops the page while the family takes photos of the documents finds it again
 * (GET /api/enrol/draft) and opens on the check page. The last step (documents, consent,
 * declaration) turns that draft into the application (POST /api/enrol/draft/submit), once:
 * the server keys it by the draft, so a retry after a lost answer cannot apply twice.
 */
import { stepFormHtml } from "../forms/enrolment/application-form";
import { answersOf, decideStep, FORM_STEPS, stepIndexOf } from "../forms/enrolment/form-steps";
import { prefillOf } from "../forms/enrolment/prefill";
import { errorSummary, ERROR_TITLE_PREFIX } from "../forms/error-summary";
import { fieldErrorsOf } from "../forms/field-errors";
import { fieldId } from "../forms/field-ids";
import { formToObject } from "../forms/form-data";
import type { FormValues } from "../forms/html";
import { Catalogue } from "../domain/enrolment/catalogue";
import { ConsentPart, type DraftInput } from "../domain/enrolment/application";
import { shanghaiDate } from "../domain/complaint/time";
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from "../domain/uploads";
import type { FieldError } from "../domain/errors";

const baseTitle = document.title;
const DRAFT_API = "/api/enrol/draft";
const NETWORK_PROBLEM = "网络连接中断，请检查网络后再试一次；已填写的内容不会丢失，也不会重复提交。";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

function focusSummary(container: HTMLElement | null) {
  const summary = container?.querySelector<HTMLElement>(".error-summary");
  summary?.focus();
  document.title = summary ? `${ERROR_TITLE_PREFIX}${baseTitle}` : baseTitle;
  return Boolean(summary);
}

function show(step: "form" | "check" | "done") {
  for (const s of ["form", "check", "done"] as const) {
    const el = $(`step-${s}`);
    if (el) el.hidden = s !== step;
  }
}

async function main() {
  const formHost = $("step-form");
  if (!formHost) return;
  const catalogue = Catalogue.parse(await (await fetch("/enrol/catalogue.json")).json());
  let draft: DraftInput | null = null;

  const filterCommunities = (form: HTMLFormElement) => {
    const area = form.querySelector<HTMLSelectElement>('[name="address.area"]');
    const community = form.querySelector<HTMLSelectElement>('[name="address.community"]');
    if (!area || !community) return;
    const name = catalogue.areas.find((a) => a.id === area.value)?.name;
    for (const group of community.querySelectorAll("optgroup")) group.hidden = !!name && group.label !== name;
  };

  const wire = (form: HTMLFormElement) => {
    form.addEventListener("submit", onSubmitStep);
    form.querySelector('[name="address.area"]')?.addEventListener("change", () => filterCommunities(form));
    filterCommunities(form);
  };

  /**
   * Shows one group page; focus goes to the error summary, or to the group's heading so a screen
   * reader hears the new page. On the page's first render (`initial`) focus is left where the
   * reader has put it: a field focused in the server's form is focused again in the new one.
   */
  function render(values: FormValues, errors: FieldError[], step: number, o: { returnToCheck?: boolean; focus?: string; initial?: boolean } = {}) {
    const old = $<HTMLFormElement>("application-form");
    const errorsHost = $("form-errors");
    if (!old || !errorsHost) return;
    const focusedId = old.contains(document.activeElement) ? document.activeElement?.id : undefined;
    const tmp = document.createElement("div");
    tmp.innerHTML = String(stepFormHtml(catalogue, values, errors, step, old.getAttribute("action") ?? DRAFT_API, o));
    const fresh = tmp.firstElementChild as HTMLFormElement;
    old.replaceWith(fresh);
    errorsHost.innerHTML = String(errorSummary(errors));
    wire(fresh);
    show("form");
    if (o.initial) {
      if (focusedId) document.getElementById(focusedId)?.focus();
      return;
    }
    if (focusSummary(errorsHost)) return;
    const target = (o.focus && document.getElementById(o.focus)) || fresh.querySelector<HTMLElement>("h2");
    target?.setAttribute("tabindex", target.tabIndex >= 0 ? String(target.tabIndex) : "-1");
    target?.focus();
  }

  // The check page's and the receipt's views load when first needed, so the form page stays within its weight budget.
  const answerViews = () => import("../forms/enrolment/answer-views");

  async function showCheck(checked: DraftInput) {
    draft = checked;
    const { answersHtml, permitNoticeHtml } = await answerViews();
    const answers = $("answers");
    if (answers) answers.innerHTML = String(permitNoticeHtml(catalogue, checked, shanghaiDate(new Date()))) + String(answersHtml(catalogue, checked, { changeHref: (path) => `#${fieldId(path)}` }));
    show("check");
    document.title = baseTitle;
    $("step-check")?.querySelector<HTMLElement>("h1")?.focus();
  }

  async function onSubmitStep(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const posted = formToObject(new FormData(form));
    posted.nav = (event.submitter as HTMLButtonElement | null)?.value ?? "next";
    const decision = decideStep(catalogue, posted);
    if (decision.kind === "show") return render(answersOf(posted), decision.errors, decision.step, { returnToCheck: posted.return === "check" && posted.nav !== "back" });
    // Kept on the server before the check page, so switching to the camera cannot lose it.
    try {
      const res = await fetch(DRAFT_API, { method: "POST", body: JSON.stringify(answersOf(posted)), headers: { "Content-Type": "application/json", Accept: "application/json" } });
      if (!res.ok) {
        const answer = (await res.json()) as { fields?: FieldError[]; message?: string };
        const errors = answer.fields?.length ? answer.fields : [{ path: "", message: answer.message ?? "保存失败，请稍后再试。" }];
        return render(answersOf(posted), errors, Math.max(0, stepIndexOf(errors[0]!.path)));
      }
    } catch {
      return render(answersOf(posted), [{ path: "", message: NETWORK_PROBLEM }], FORM_STEPS.length - 1);
    }
    await showCheck(decision.draft);
  }

  $("answers")?.addEventListener("click", (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>("a[data-change]");
    if (!link || !draft) return;
    event.preventDefault();
    const path = link.dataset.change ?? "";
    render(draft as unknown as FormValues, [], Math.max(0, stepIndexOf(path)), { returnToCheck: true, focus: fieldId(path) });
  });

  const submitForm = $<HTMLFormElement>("submit-form");
  submitForm?.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!draft) return show("form");
    const errorsHost = $("submit-errors");
    const data = new FormData(submitForm);
    const consents = ConsentPart.safeParse({ childData: data.get("consents.childData") ?? undefined, declaration: data.get("consents.declaration") ?? undefined });
    const errors: FieldError[] = consents.success ? [] : fieldErrorsOf(consents.error, "consents");
    for (const [name, value] of data) {
      if (!(value instanceof File) || value.name === "") continue;
      if (value.size === 0) errors.push({ path: name, message: UPLOAD_MESSAGES.empty });
      else if (value.size > MAX_UPLOAD_BYTES) errors.push({ path: name, message: UPLOAD_MESSAGES.tooBig });
    }
    if (errors.length > 0) {
      if (errorsHost) errorsHost.innerHTML = String(errorSummary(errors));
      return focusSummary(errorsHost);
    }
    const button = submitForm.querySelector("button");
    if (button) button.disabled = true;
    try {
      const res = await fetch(`${DRAFT_API}/submit`, { method: "POST", body: data, headers: { Accept: "application/json" } });
      const answer = (await res.json()) as { reference?: string; accessCode?: string; submittedAt?: string; message?: string; fields?: FieldError[] };
      if (res.ok && answer.reference && answer.accessCode && answer.submittedAt) {
        const [{ beijingTime, confirmationHtml }, { wireAccessCode }] = await Promise.all([answerViews(), import("./access-code")]);
        const done = $("step-done");
        if (done) done.innerHTML = String(confirmationHtml(catalogue, draft, { reference: answer.reference, accessCode: answer.accessCode, submittedAt: beijingTime(answer.submittedAt) }));
        if (done) wireAccessCode(done);
        show("done");
        document.title = `申请已提交 - ${baseTitle}`;
        done?.querySelector<HTMLElement>("h1")?.setAttribute("tabindex", "-1");
        done?.querySelector<HTMLElement>("h1")?.focus();
        return;
      }
      const fields = answer.fields?.length ? answer.fields : [{ path: "", message: answer.message ?? "提交失败，请稍后再试。" }];
      if (errorsHost) errorsHost.innerHTML = String(errorSummary(fields));
      focusSummary(errorsHost);
    } catch {
      if (errorsHost) errorsHost.innerHTML = String(errorSummary([{ path: "", message: NETWORK_PROBLEM }]));
      focusSummary(errorsHost);
    } finally {
      if (button) button.disabled = false;
    }
  });

  // A draft kept on the server (the page was dropped while the family used the camera): back to the check page.
  const kept = await fetch(DRAFT_API, { headers: { Accept: "application/json" } }).catch(() => null);
  if (kept?.ok) {
    const { draft: saved } = (await kept.json()) as { draft: DraftInput };
    render(saved as unknown as FormValues, [], FORM_STEPS.length - 1);
    return showCheck(saved);
  }
  // Opened from "我家孩子能上哪所学校": the township, community and grade come filled (no personal data in the URL).
  render(prefillOf(catalogue, new URLSearchParams(location.search)) ?? {}, [], 0, { initial: true });
}

void main();
