/**
 * Progressive enhancement of /enrol/apply/ (the page works without it). It checks the form
 * with the same zod schema as the server (draftSchema of the published catalogue), shows
 * errors in the GOV.UK pattern by re-rendering the form with the same builders the server
 * uses, shows the check-answers list with change links, and submits once as multipart with an
 * Idempotency-Key kept for this attempt, so a retry after a lost answer cannot apply twice.
 */
import { applicationFormHtml } from "../forms/enrolment/application-form";
import { answersHtml, beijingTime, changeAnchor, confirmationHtml, permitNoticeHtml } from "../forms/enrolment/answer-views";
import { shanghaiDate } from "../domain/complaint/time";
import { wireAccessCode } from "./access-code";
import { prefillOf } from "../forms/enrolment/prefill";
import { errorSummary, ERROR_TITLE_PREFIX } from "../forms/error-summary";
import { fieldErrorsOf } from "../forms/field-errors";
import { formToObject } from "../forms/form-data";
import { fieldId } from "../forms/field-ids";
import { Catalogue } from "../domain/enrolment/catalogue";
import { ConsentPart, draftSchema, type DraftInput } from "../domain/enrolment/application";
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from "../domain/uploads";
import type { FieldError } from "../domain/errors";

const baseTitle = document.title;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

function focusSummary(container: HTMLElement | null) {
  const summary = container?.querySelector<HTMLElement>(".error-summary");
  summary?.focus();
  document.title = summary ? `${ERROR_TITLE_PREFIX}${baseTitle}` : baseTitle;
}

function show(step: "form" | "check" | "done") {
  for (const s of ["form", "check", "done"] as const) {
    const el = $(`step-${s}`);
    if (el) el.hidden = s !== step;
  }
}

function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function main() {
  const formHost = $("step-form");
  if (!formHost) return;
  const catalogue = Catalogue.parse(await (await fetch("/enrol/catalogue.json")).json());
  const schema = draftSchema(catalogue);
  let draft: DraftInput | null = null;
  let idempotencyKey = newKey();

  const filterCommunities = (form: HTMLFormElement) => {
    const area = form.querySelector<HTMLSelectElement>('[name="address.area"]');
    const community = form.querySelector<HTMLSelectElement>('[name="address.community"]');
    if (!area || !community) return;
    const name = catalogue.areas.find((a) => a.id === area.value)?.name;
    for (const group of community.querySelectorAll("optgroup")) group.hidden = !!name && group.label !== name;
  };

  /** The ranked list follows the grade and the community: that grade's schools, the catchment school first (the server renders the same). */
  const refreshSchools = (form: HTMLFormElement) => {
    const { website: _trap, intake: _intake, ...values } = formToObject(new FormData(form));
    const tmp = document.createElement("div");
    tmp.innerHTML = String(applicationFormHtml(catalogue, values, [], form.getAttribute("action") ?? ""));
    const selector = 'section[aria-labelledby="s-preferences"]';
    const fresh = tmp.querySelector(selector);
    if (fresh) form.querySelector(selector)?.replaceWith(fresh);
  };

  const wire = (form: HTMLFormElement) => {
    form.addEventListener("submit", onSubmitForm);
    form.querySelector('[name="address.area"]')?.addEventListener("change", () => filterCommunities(form));
    for (const input of form.querySelectorAll('[name="grade"], [name="address.area"], [name="address.community"]')) input.addEventListener("change", () => refreshSchools(form));
    filterCommunities(form);
    refreshSchools(form);
  };

  function render(values: Record<string, unknown>, errors: FieldError[]) {
    const old = $<HTMLFormElement>("application-form");
    const errorsHost = $("form-errors");
    if (!old || !errorsHost) return;
    const tmp = document.createElement("div");
    tmp.innerHTML = String(applicationFormHtml(catalogue, values, errors, old.getAttribute("action") ?? ""));
    const fresh = tmp.firstElementChild as HTMLFormElement;
    old.replaceWith(fresh);
    errorsHost.innerHTML = String(errorSummary(errors));
    wire(fresh);
    focusSummary(errorsHost);
  }

  function onSubmitForm(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const { website: _trap, intake: _intake, ...values } = formToObject(new FormData(form));
    const parsed = schema.safeParse(values);
    if (!parsed.success) return render(values, fieldErrorsOf(parsed.error));
    render(values, []);
    draft = parsed.data;
    const answers = $("answers");
    if (answers) answers.innerHTML = String(permitNoticeHtml(catalogue, draft, shanghaiDate(new Date()))) + String(answersHtml(catalogue, draft, { changeHref: changeAnchor }));
    show("check");
    document.title = baseTitle;
    $("step-check")?.querySelector<HTMLElement>("h1")?.focus();
  }

  $("answers")?.addEventListener("click", (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>("a[data-change]");
    if (!link) return;
    event.preventDefault();
    show("form");
    document.getElementById(fieldId(link.dataset.change ?? ""))?.focus();
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
    if (errors.length > 0 || !consents.success) {
      if (errorsHost) errorsHost.innerHTML = String(errorSummary(errors));
      return focusSummary(errorsHost);
    }
    const body = new FormData();
    body.set("application", JSON.stringify({ ...draft, consents: consents.data }));
    for (const [name, value] of data) if (value instanceof File && value.name !== "") body.append(name, value);
    const button = submitForm.querySelector("button");
    if (button) button.disabled = true;
    try {
      const res = await fetch("/api/enrol/applications", { method: "POST", body, headers: { Accept: "application/json", "Idempotency-Key": idempotencyKey } });
      const answer = (await res.json()) as { reference?: string; accessCode?: string; submittedAt?: string; message?: string; fields?: FieldError[] };
      if (res.ok && answer.reference && answer.accessCode && answer.submittedAt) {
        const done = $("step-done");
        if (done) done.innerHTML = String(confirmationHtml(catalogue, draft, { reference: answer.reference, accessCode: answer.accessCode, submittedAt: beijingTime(answer.submittedAt) }, catalogue.intake.contact_phone));
        if (done) wireAccessCode(done);
        show("done");
        document.title = `申请已提交 - ${baseTitle}`;
        done?.querySelector<HTMLElement>("h1")?.setAttribute("tabindex", "-1");
        done?.querySelector<HTMLElement>("h1")?.focus();
        return;
      }
      // A refused body may be fixed and sent again: that is a new request, so a new key.
      if (res.status === 422) idempotencyKey = newKey();
      const fields = answer.fields?.length ? answer.fields : [{ path: "", message: answer.message ?? "提交失败，请稍后再试。" }];
      const formFields = fields.filter((f) => !f.path.startsWith("documents") && !f.path.startsWith("consents") && f.path !== "");
      if (formFields.length > 0) {
        show("form");
        return render(formToObject(new FormData($<HTMLFormElement>("application-form")!)), formFields);
      }
      if (errorsHost) errorsHost.innerHTML = String(errorSummary(fields));
      focusSummary(errorsHost);
    } catch {
      if (errorsHost) errorsHost.innerHTML = String(errorSummary([{ path: "", message: "网络连接中断，请检查网络后再点一次提交；不会重复提交。" }]));
      focusSummary(errorsHost);
    } finally {
      if (button) button.disabled = false;
    }
  });

  const first = $<HTMLFormElement>("application-form");
  if (first) wire(first);
  // Opened from "我家孩子能上哪所学校": the township, community and grade come filled (no personal data in the URL).
  const prefill = prefillOf(catalogue, new URLSearchParams(location.search));
  if (prefill) render(prefill, []);
}

void main();
