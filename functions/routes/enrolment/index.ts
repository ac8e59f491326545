/**
 * `/api/enrol/*`: the public side of enrolment. The JSON path (the page's script, API
 * clients) submits once to POST /applications with an Idempotency-Key; the no-JS path keeps
 * a server-side draft (POST /draft → GET /draft/check → POST /draft/submit) and gets HTML
 * rendered into the page shell. Tracking is POST only (reference + code never in a URL).
 * Every write is limit → validate → one verb → respond, through the one answer helper
 * (functions/http/answer), which decides HTML or JSON. Submissions, draft saves and lookups
 * are rate limited per client in the database; files raise the body limit for the routes that take
 * them only.
 */
import { Hono, type Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { DomainError, FieldError } from "../../../src/domain/errors";
import { shanghaiDate } from "../../../src/domain/complaint/time";
import { checkPage, confirmationPage, DRAFT_PATHS, formPage, stepPage } from "../../../src/forms/enrolment/draft-pages";
import { stepIndexById } from "../../../src/forms/enrolment/form-steps";
import { saveDraftStep } from "../../services/enrolment/save-draft-step";
import { trackFormPage, trackPage } from "../../../src/forms/enrolment/track-pages";
import type { AppEnv } from "../../app-env";
import { renderPage, respond, type Page } from "../../http/answer";
import { jsonPart, readBody, type Body } from "../../http/read-body";
import { bodyLimitOf } from "../../middleware/body-limit";
import { RATE_LIMITS, rateLimit } from "../../middleware/rate-limit";
import { RECEIPT_POLICY } from "../../services/receipt/internal/receipt-policy";
import { contextOf } from "../../services/context";
import { publicResults } from "../../services/enrolment/public-results";
import { drawLog } from "../../services/enrolment/draw-log";
import { intakePhases } from "../../services/enrolment/intake-phases";
import { drawLogPage, resultsPage } from "../../../src/forms/enrolment/results-pages";
import { acceptOffer } from "../../services/enrolment/accept-offer";
import { declineOffer } from "../../services/enrolment/decline-offer";
import { DRAFT_COOKIE, DRAFT_HOURS } from "../../services/enrolment/internal/draft-token";
import type { TrackView } from "../../services/enrolment/internal/track-view";
import { loadDraft } from "../../services/enrolment/load-draft";
import { provideInformation } from "../../services/enrolment/provide-information";
import { recoverAccessCode } from "../../services/enrolment/recover-access-code";
import { RECOVERY_REPLY } from "../../../src/domain/enrolment/recover-code";
import { recoverDonePage, recoverFormPage } from "../../../src/forms/enrolment/recover-pages";
import { prefillOf } from "../../../src/forms/enrolment/prefill";
import { saveDraft } from "../../services/enrolment/save-draft";
import { submitApplication } from "../../services/enrolment/submit-application";
import { submitDraft } from "../../services/enrolment/submit-draft";
import { trackApplication, type FamilyReceipt } from "../../services/enrolment/track-application";
import { idempotencyKeyOf } from "../../services/idempotency/internal/with-idempotency";

/** Eight files of 5 MB and the form around them. */
export const ENROLMENT_BODY_LIMIT = 8 * 5 * 1024 * 1024 + 1024 * 1024;
const submissions = rateLimit({ bucket: "enrol-submit", ...RATE_LIMITS.submission });
const lookups = rateLimit(RECEIPT_POLICY.application.perClient);
const drafts = rateLimit({ bucket: "enrol-draft", ...RATE_LIMITS.draft });
const draftSteps = rateLimit({ bucket: "enrol-draft-step", ...RATE_LIMITS.draftStep });
const recoveries = rateLimit({ bucket: "enrol-recover", ...RATE_LIMITS.recovery });
const withFiles = bodyLimitOf(ENROLMENT_BODY_LIMIT);

const APPLY_PAGE = "/enrol/apply/";
const NO_DRAFT_MESSAGE = "没有找到您的申请草稿（可能已过期），请重新填写申请表。";
const draftToken = (c: Context<AppEnv>) => getCookie(c, DRAFT_COOKIE, "host");
const catalogueOf = (c: Context<AppEnv>) => c.var.deps.catalogue.current();
/** Today in Beijing, by the app's clock (the permit warning is judged on it). */
const todayOf = (c: Context<AppEnv>) => shanghaiDate(contextOf(c).clock.now());

function draftCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, DRAFT_COOKIE, token, { prefix: "host", path: "/", secure: true, httpOnly: true, sameSite: "Strict", maxAge: DRAFT_HOURS * 3600 });
}

/** The reference and code a tracking form posts (strings; anything else counts as empty). */
async function receiptOf(c: Context<AppEnv>, body: Body): Promise<FamilyReceipt> {
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  return { catalogue: await catalogueOf(c), reference: text(body.fields.reference), accessCode: text(body.fields.accessCode) };
}

/** The answer of every tracking verb: the view as JSON, or the tracking page with a notice. */
function trackAnswer(c: Context<AppEnv>, receipt: FamilyReceipt, notice?: string) {
  const page = (view: TrackView, errors: FieldError[] = []): Page => ({
    title: `申请${view.reference}`,
    main: trackPage(view, receipt.accessCode, errors, errors.length ? undefined : notice),
    hasErrors: errors.length > 0,
  });
  return {
    json: (view: TrackView) => ({ body: { application: view, notice: notice ?? null } }),
    page: (view: TrackView) => page(view),
    /** A refused action shows the application again with the problem on top. */
    refused: async (errors: FieldError[], error: DomainError) =>
      error.code === "validation" ? page(await trackApplication({ ctx: contextOf(c), input: receipt }), errors) : null,
  };
}

export const enrolmentRoutes = new Hono<AppEnv>()
  .post("/applications", withFiles, submissions, async (c) => {
    const idempotencyKey = idempotencyKeyOf(c.req.header("Idempotency-Key"));
    const body = await readBody(c);
    const input = { catalogue: await catalogueOf(c), application: jsonPart(body, "application", "请求格式不正确：缺少申请内容。"), files: body.files, idempotencyKey };
    const receipt = await submitApplication({ ctx: contextOf(c), input });
    return c.json({ reference: receipt.reference, accessCode: receipt.accessCode, submittedAt: receipt.submittedAt, replayed: receipt.replayed }, receipt.replayed ? 200 : 201);
  })
  // The no-JS path: a draft kept on the server between steps.
  .post("/draft", drafts, async (c) => {
    const { fields: values } = await readBody(c);
    const catalogue = await catalogueOf(c);
    return respond(c, () => saveDraft({ ctx: contextOf(c), input: { catalogue, token: draftToken(c), values } }), {
      // The script keeps its checked draft here too (same cookie), so a dropped page finds it again.
      json: ({ id, token }) => {
        draftCookie(c, token);
        return { body: { draft: id }, status: 201 };
      },
      page: ({ token }) => {
        draftCookie(c, token);
        return c.redirect(DRAFT_PATHS.check, 303);
      },
      refused: (errors, error) => (error.code === "validation" ? { title: "申请随迁子女入学", main: formPage(catalogue, values, errors) } : null),
    });
  })
  // The script's way back to a kept draft (the cookie is httpOnly): the answers, or 404.
  // One question group per page without a script (issue 16 item 6): each page posts here.
  .post("/draft/step", draftSteps, async (c) => {
    const { fields: values } = await readBody(c);
    const catalogue = await catalogueOf(c);
    return respond(c, () => saveDraftStep({ ctx: contextOf(c), input: { catalogue, token: draftToken(c), values } }), {
      json: (out) => {
        if (out.kind === "show") return { body: { step: out.step, fields: out.errors }, status: out.errors.length ? 422 : 200 };
        draftCookie(c, out.token);
        return { body: { draft: out.id }, status: 201 };
      },
      page: (out) => {
        if (out.kind === "show")
          return { title: "申请随迁子女入学", main: stepPage(catalogue, out.values, out.errors, out.step, { returnToCheck: values.return === "check" }), status: out.errors.length ? 422 : 200, hasErrors: out.errors.length > 0 };
        draftCookie(c, out.token);
        return c.redirect(DRAFT_PATHS.check, 303);
      },
    });
  })
  .get("/draft", async (c) => {
    const found = await loadDraft({ ctx: contextOf(c), input: { token: draftToken(c) } });
    return found ? c.json({ draft: found.draft }, 200) : c.json({ code: "not_found", message: NO_DRAFT_MESSAGE }, 404);
  })
  .get("/draft/check", async (c) => {
    const found = await loadDraft({ ctx: contextOf(c), input: { token: draftToken(c) } });
    if (!found) return c.redirect(APPLY_PAGE, 303);
    return renderPage(c, { title: "核对您的信息", main: checkPage(await catalogueOf(c), found.draft, todayOf(c), []) });
  })
  // The form opened from "我家孩子能上哪所学校" without a script: township, community and grade filled.
  .get("/draft/start", async (c) => {
    const catalogue = await catalogueOf(c);
    const values = prefillOf(catalogue, new URLSearchParams(c.req.query())) ?? {};
    return renderPage(c, { title: "申请随迁子女入学", main: stepPage(catalogue, values, [], 0) });
  })
  .get("/draft/edit", async (c) => {
    const found = await loadDraft({ ctx: contextOf(c), input: { token: draftToken(c) } });
    if (!found) return c.redirect(APPLY_PAGE, 303);
    const step = Math.max(0, stepIndexById(c.req.query("step")));
    return renderPage(c, { title: "申请随迁子女入学", main: stepPage(await catalogueOf(c), found.draft as unknown as Record<string, unknown>, [], step, { returnToCheck: true }) });
  })
  .post("/draft/submit", withFiles, submissions, async (c) => {
    const { fields: values, files } = await readBody(c);
    const catalogue = await catalogueOf(c);
    const token = draftToken(c);
    return respond(c, () => submitDraft({ ctx: contextOf(c), input: { catalogue, token, values, files } }), {
      json: (done) =>
        done
          ? { body: { reference: done.receipt.reference, accessCode: done.receipt.accessCode, submittedAt: done.receipt.submittedAt }, status: 201 }
          : { body: { code: "not_found", message: NO_DRAFT_MESSAGE }, status: 404 },
      page: (done) => (done ? { title: "申请已提交", main: confirmationPage(catalogue, done.draft, done.receipt) } : c.redirect(APPLY_PAGE, 303)),
      refused: async (errors, error) => {
        const found = error.code === "validation" ? await loadDraft({ ctx: contextOf(c), input: { token, submitted: true } }) : null;
        return found && { title: "核对您的信息", main: checkPage(catalogue, found.draft, todayOf(c), errors, values) };
      },
    });
  })
  .post("/track", lookups, async (c) => {
    const receipt = await receiptOf(c, await readBody(c));
    return respond(c, () => trackApplication({ ctx: contextOf(c), input: receipt }), {
      ...trackAnswer(c, receipt),
      refused: (errors, error) => (error.code === "validation" || error.code === "not_found" ? { title: "办理进度查询", main: trackFormPage(errors, receipt) } : null),
    });
  })
  .post("/track/accept", lookups, async (c) => {
    const receipt = await receiptOf(c, await readBody(c));
    return respond(c, () => acceptOffer({ ctx: contextOf(c), input: receipt }), trackAnswer(c, receipt, "您已接受学位。请按学校通知的时间报到。"));
  })
  .post("/track/decline", lookups, async (c) => {
    const receipt = await receiptOf(c, await readBody(c));
    return respond(c, () => declineOffer({ ctx: contextOf(c), input: receipt }), trackAnswer(c, receipt, "您已放弃学位。"));
  })
  .post("/track/documents", withFiles, lookups, async (c) => {
    const body = await readBody(c);
    const receipt = await receiptOf(c, body);
    return respond(c, () => provideInformation({ ctx: contextOf(c), input: { ...receipt, files: body.files } }), trackAnswer(c, receipt, "材料已上传，我们会尽快审核。"));
  })
  // "忘记查询码": one reply whatever happened (the verb says nothing either).
  .post("/recover", recoveries, async (c) => {
    const { fields } = await readBody(c);
    return respond(c, () => recoverAccessCode({ ctx: contextOf(c), input: fields }), {
      json: () => ({ body: { message: RECOVERY_REPLY }, status: 202 }),
      page: () => ({ title: "忘记查询码", main: recoverDonePage() }),
      refused: (errors, error) => (error.code === "validation" ? { title: "忘记查询码", main: recoverFormPage(fields, errors) } : null),
    });
  })
  .get("/results", async (c) => {
    const results = await publicResults({ ctx: contextOf(c), input: { catalogue: await c.var.deps.catalogue.current() } });
    c.header("Cache-Control", "public, max-age=300, must-revalidate");
    return c.json(results, 200);
  })
  // /enrol/results/ itself (the entries send it here): the same results, rendered, no JavaScript needed.
  .get("/results/page", async (c) => {
    const catalogue = await c.var.deps.catalogue.current();
    const [results, phases] = await Promise.all([publicResults({ ctx: contextOf(c), input: { catalogue } }), intakePhases({ ctx: contextOf(c), input: { catalogue } })]);
    return renderPage(c, { title: "学位分配结果", main: resultsPage({ intake: { title: catalogue.intake.title, allocationOn: catalogue.intake.dates.allocation_on }, phases: phases.grades, grades: results.grades }) });
  })
  .get("/phase", async (c) => c.json(await intakePhases({ ctx: contextOf(c), input: { catalogue: await c.var.deps.catalogue.current() } }), 200))
  .get("/draw-log", async (c) => c.json(await drawLog({ ctx: contextOf(c), input: { catalogue: await c.var.deps.catalogue.current() } }), 200))
  .get("/draw-log/page", async (c) => renderPage(c, { title: "抽签记录", main: drawLogPage(await drawLog({ ctx: contextOf(c), input: { catalogue: await c.var.deps.catalogue.current() } })) }));
