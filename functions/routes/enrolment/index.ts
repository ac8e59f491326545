/**
 * `/api/enrol/*`: the public side of enrolment. The JSON path (the page's script, API
 * clients) submits once to POST /applications with an Idempotency-Key; the no-JS path keeps
 * a server-side draft (POST /draft → GET /draft/check → POST /draft/submit) and gets HTML
 * rendered into the page shell. Tracking is POST only (reference + code never in a URL).
 * Submissions and lookups are rate limited per client in the database; files raise the
 * body limit for the routes that take them only.
 */
import { Hono, type Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { DomainError, type FieldError } from "../../../src/domain/errors";
import { applicationSchema, ConsentPart, draftSchema } from "../../../src/domain/enrolment/application";
import { formToObject } from "../../../src/lib/enrolment/form-data";
import { REQUIRED_DOCUMENTS } from "../../../src/lib/enrolment/application-form";
import { pageTitle } from "../../platform/page-shell";
import type { AppEnv } from "../../app-env";
import { bodyLimitOf } from "../../middleware/body-limit";
import { assertNoHoneypot, assertNoHoneypotInForm } from "../../middleware/honeypot";
import { RATE_LIMITS, rateLimit } from "../../middleware/rate-limit";
import { secureCtx, type SecureCtx } from "../../services/context";
import { idempotencyKeyOf } from "../../services/idempotency/internal/with-idempotency";
import { publicResults } from "../../services/enrolment/public-results";
import { documentsOfForm, inspectDocuments, storeDocuments } from "../../services/enrolment/documents";
import { draftRowForSubmit, DRAFT_COOKIE, DRAFT_HOURS, loadDraft, saveDraft } from "../../services/enrolment/drafts";
import { openApplication } from "../../services/enrolment/application-record";
import { acceptOffer, declineOffer, provideInformation } from "../../services/enrolment/family-actions";
import { submitApplication } from "../../services/enrolment/submit-application";
import { findForFamily, trackView } from "../../services/enrolment/track";
import { checkPage, confirmationPage, DRAFT_PATHS, formPage, trackFormPage, trackPage } from "./views";

/** Eight files of 5 MB and the form around them. */
export const ENROLMENT_BODY_LIMIT = 8 * 5 * 1024 * 1024 + 1024 * 1024;
const submissions = { bucket: "enrol-submit", ...RATE_LIMITS.submission };
const lookups = { bucket: "enrol-track", ...RATE_LIMITS.lookup };

function ctxOf(c: Context<AppEnv>): SecureCtx {
  const { deps } = c.var;
  return secureCtx(deps, { db: deps.db, clock: deps.clock, log: deps.log, requestId: c.var.requestId });
}

const wantsJson = (c: Context<AppEnv>) => (c.req.header("Accept") ?? "").includes("application/json");

function fieldsOf(error: unknown): FieldError[] | null {
  if (!(error instanceof DomainError) || error.code !== "validation") return null;
  return error.fields.length ? error.fields : [{ path: "", message: error.message }];
}

function draftCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, DRAFT_COOKIE, token, { prefix: "host", path: "/", secure: true, httpOnly: true, sameSite: "Strict", maxAge: DRAFT_HOURS * 3600 });
}

async function render(c: Context<AppEnv>, title: string, main: Parameters<AppEnv["Variables"]["deps"]["pageShell"]["render"]>[0]["main"], status = 200, hasErrors = false) {
  return c.var.deps.pageShell.render({ title: pageTitle(title, hasErrors), main, status });
}

/** Reads the JSON path's body: multipart with an `application` JSON field and files, or plain JSON. */
async function readSubmission(c: Context<AppEnv>) {
  const type = c.req.header("Content-Type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = assertNoHoneypotInForm(await c.req.formData());
    const raw = form.get("application");
    let application: unknown;
    try {
      application = typeof raw === "string" ? JSON.parse(raw) : undefined;
    } catch {
      application = undefined;
    }
    if (application === undefined) throw new DomainError("validation", "请求格式不正确：缺少申请内容。");
    return { application, documents: await documentsOfForm(form) };
  }
  return { application: await c.req.json<unknown>(), documents: [] };
}

async function track(c: Context<AppEnv>, reference: string, code: string, notice?: string, errors: FieldError[] = [], status = 200) {
  const ctx = ctxOf(c);
  const catalogue = await c.var.deps.catalogue.current();
  const row = await findForFamily(ctx, reference, code);
  const view = await trackView(ctx, catalogue, row);
  if (wantsJson(c)) return c.json({ application: view, notice: notice ?? null }, status as 200);
  return render(c, `申请 ${view.reference}`, trackPage(view, code, errors, notice), status, errors.length > 0);
}

async function credentialsOf(c: Context<AppEnv>, form?: FormData) {
  const body = form ? formToObject(form) : wantsJson(c) ? await c.req.json<Record<string, unknown>>() : formToObject(await c.req.formData());
  const reference = typeof body.reference === "string" ? body.reference : "";
  const accessCode = typeof body.accessCode === "string" ? body.accessCode : "";
  return { reference, accessCode };
}

export const enrolmentRoutes = new Hono<AppEnv>()
  .post("/applications", bodyLimitOf(ENROLMENT_BODY_LIMIT), rateLimit(submissions), async (c) => {
    const key = idempotencyKeyOf(c.req.header("Idempotency-Key"));
    if (!key) throw new DomainError("validation", "请求缺少 Idempotency-Key（8 到 128 个可见字符），请刷新页面后重试。");
    const ctx = ctxOf(c);
    const catalogue = await c.var.deps.catalogue.current();
    const { application, documents } = await readSubmission(c);
    const body = typeof application === "object" && application !== null ? assertNoHoneypot(application as Record<string, unknown>) : application;
    // Check the form and the files together, so the family sees every problem at once.
    const fields: FieldError[] = [];
    const parsed = applicationSchema(catalogue).safeParse(body);
    if (!parsed.success) fields.push(...parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
    let inspected: Awaited<ReturnType<typeof inspectDocuments>> = [];
    try {
      inspected = await inspectDocuments(documents, REQUIRED_DOCUMENTS);
    } catch (error) {
      const found = fieldsOf(error);
      if (!found) throw error;
      fields.push(...found);
    }
    if (!parsed.success || fields.length > 0) throw new DomainError("validation", fields[0]?.message ?? "提交的内容有误。", { fields });
    const stored = await storeDocuments(ctx, inspected);
    const receipt = await submitApplication({ ctx, catalogue, input: parsed.data, documents: stored, idempotencyKey: key });
    return c.json({ reference: receipt.reference, accessCode: receipt.accessCode, submittedAt: receipt.submittedAt, replayed: receipt.replayed }, receipt.replayed ? 200 : 201);
  })
  // The no-JS path: a draft kept on the server between steps.
  .post("/draft", async (c) => {
    const catalogue = await c.var.deps.catalogue.current();
    const { website: _trap, intake: _intake, ...values } = assertNoHoneypot(formToObject(await c.req.formData()));
    const parsed = draftSchema(catalogue).safeParse(values);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      return render(c, "申请随迁子女入学", formPage(catalogue, values, errors), 422, true);
    }
    const { token } = await saveDraft({ ctx: ctxOf(c), catalogue, token: getCookie(c, DRAFT_COOKIE, "host"), draft: parsed.data });
    draftCookie(c, token);
    return c.redirect(DRAFT_PATHS.check, 303);
  })
  .get("/draft/check", async (c) => {
    const catalogue = await c.var.deps.catalogue.current();
    const found = await loadDraft({ ctx: ctxOf(c), token: getCookie(c, DRAFT_COOKIE, "host") });
    if (!found) return c.redirect("/enrol/apply/", 303);
    return render(c, "核对您的信息", checkPage(catalogue, found.draft, []));
  })
  .get("/draft/edit", async (c) => {
    const catalogue = await c.var.deps.catalogue.current();
    const found = await loadDraft({ ctx: ctxOf(c), token: getCookie(c, DRAFT_COOKIE, "host") });
    if (!found) return c.redirect("/enrol/apply/", 303);
    return render(c, "申请随迁子女入学", formPage(catalogue, found.draft as unknown as Record<string, unknown>, []));
  })
  .post("/draft/submit", bodyLimitOf(ENROLMENT_BODY_LIMIT), rateLimit(submissions), async (c) => {
    const ctx = ctxOf(c);
    const catalogue = await c.var.deps.catalogue.current();
    const token = getCookie(c, DRAFT_COOKIE, "host");
    const row = await draftRowForSubmit(ctx, token);
    if (!row) return c.redirect("/enrol/apply/", 303);
    const draft = await openApplication(ctx.keys, row);
    const form = assertNoHoneypotInForm(await c.req.formData());
    const values = formToObject(form);
    const fields: FieldError[] = [];
    const consents = ConsentPart.safeParse(values.consents ?? {});
    if (!consents.success) fields.push(...consents.error.issues.map((i) => ({ path: `consents.${i.path.join(".")}`, message: i.message })));
    let inspected: Awaited<ReturnType<typeof inspectDocuments>> = [];
    // A second click after success finds the draft submitted: its files are already stored.
    const resubmit = row.state !== "draft";
    try {
      if (!resubmit) inspected = await inspectDocuments(await documentsOfForm(form), REQUIRED_DOCUMENTS);
    } catch (error) {
      const found = fieldsOf(error);
      if (!found) throw error;
      fields.push(...found);
    }
    if (fields.length > 0 || !consents.success) return render(c, "核对您的信息", checkPage(catalogue, draft, fields, values), 422, true);
    const stored = resubmit ? [] : await storeDocuments(ctx, inspected);
    const receipt = await submitApplication({
      ctx,
      catalogue,
      input: { ...draft, consents: consents.data },
      documents: stored,
      idempotencyKey: `draft-${row.id}`,
      draftId: row.id,
    });
    return render(c, "申请已提交", confirmationPage(catalogue, draft, receipt));
  })
  .post("/track", rateLimit(lookups), async (c) => {
    const { reference, accessCode } = await credentialsOf(c);
    try {
      return await track(c, reference, accessCode);
    } catch (error) {
      const fields = fieldsOf(error);
      if (!fields || wantsJson(c)) throw error;
      return render(c, "办理进度查询", trackFormPage(fields, { reference }), 422, true);
    }
  })
  .post("/track/accept", rateLimit(lookups), async (c) => {
    const { reference, accessCode } = await credentialsOf(c);
    const row = await findForFamily(ctxOf(c), reference, accessCode);
    await acceptOffer({ ctx: ctxOf(c), row });
    return track(c, reference, accessCode, "您已接受学位。请按学校通知的时间报到。");
  })
  .post("/track/decline", rateLimit(lookups), async (c) => {
    const { reference, accessCode } = await credentialsOf(c);
    const row = await findForFamily(ctxOf(c), reference, accessCode);
    await declineOffer({ ctx: ctxOf(c), catalogue: await c.var.deps.catalogue.current(), row });
    return track(c, reference, accessCode, "您已放弃学位。");
  })
  .post("/track/documents", bodyLimitOf(ENROLMENT_BODY_LIMIT), rateLimit(lookups), async (c) => {
    const form = await c.req.formData();
    const { reference, accessCode } = await credentialsOf(c, form);
    const ctx = ctxOf(c);
    const row = await findForFamily(ctx, reference, accessCode);
    try {
      const inspected = await inspectDocuments(await documentsOfForm(form));
      const stored = await storeDocuments(ctx, inspected);
      await provideInformation({ ctx, row, documents: stored });
    } catch (error) {
      const fields = fieldsOf(error);
      if (!fields || wantsJson(c)) throw error;
      return track(c, reference, accessCode, undefined, fields, 422);
    }
    return track(c, reference, accessCode, "材料已上传，我们会尽快审核。");
  })
  .get("/results", async (c) => {
    const results = await publicResults({ ctx: c.var.deps, input: { catalogue: await c.var.deps.catalogue.current() } });
    c.header("Cache-Control", "public, max-age=300, must-revalidate");
    return c.json(results, 200);
  });

