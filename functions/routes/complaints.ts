/**
 * `/api/complaints`: the public side of complaints. Each write answers two kinds of client:
 * the JavaScript path (JSON in and out, `Idempotency-Key` honoured) and a plain HTML form
 * post (urlencoded, no JavaScript), which gets a server-rendered page in the shell with the
 * error summary and the values kept, the confirmation, or the case view. Submissions and
 * receipt lookups are rate limited per client in the database; the honeypot field is
 * checked before the strict schema. Statistics are public and cached.
 */
import { Hono, type Context } from "hono";
import { AddInformationInput, MAX_ATTACHMENTS, RateInput, ReviewRequestInput, SubmitComplaintInput, TrackInput } from "../../src/domain/complaint/schemas";
import { DomainError } from "../../src/domain/errors";
import type { AppEnv } from "../app-env";
import { assertNoHoneypot } from "../middleware/honeypot";
import { RATE_LIMITS, rateLimit } from "../middleware/rate-limit";
import { pageTitle } from "../platform/page-shell";
import { secureCtx, type ServiceCtx } from "../services/context";
import { addInformation, rateAnswer, requestReview, trackComplaint } from "../services/complaint/filer-actions";
import { publicComplaintStats, statsCsv } from "../services/complaint/public-stats";
import { submitComplaint } from "../services/complaint/submit-complaint";
import { idempotencyKeyOf } from "../services/idempotency/internal/with-idempotency";
import { parseInput } from "../validate";
import { bodyLimitOf } from "../middleware/body-limit";
import { inspectUpload, type InspectedUpload } from "../services/uploads/internal/inspect-upload";
import { MAX_UPLOAD_BYTES } from "../../src/domain/uploads";
import { isNoJsFormPost } from "../views/no-js-post";
import { confirmationPage, formWithErrors, problemPage, trackFormWithErrors, trackResultPage } from "./complaint-views/public-pages";
import type { FormValues } from "../../src/lib/complaint-form";
import type { HtmlEscapedString } from "hono/utils/html";

/** Five files of 5 MB and the text fields. */
const SUBMISSION_BODY_LIMIT = MAX_ATTACHMENTS * MAX_UPLOAD_BYTES + 1024 * 1024;

const ctxOf = (c: Context<AppEnv>): ServiceCtx => ({ db: c.var.deps.db, clock: c.var.deps.clock, log: c.var.deps.log, requestId: c.var.requestId });

/** A form post from a browser without JavaScript (the JS path asks for JSON). */
const wantsHtml = (c: Context<AppEnv>) => isNoJsFormPost(c.req.raw);

type Body = { fields: Record<string, unknown>; files: File[] };

/** The text fields, and (multipart only) the files chosen under `attachments`. */
async function bodyOf(c: Context<AppEnv>): Promise<Body> {
  const type = c.req.header("Content-Type") ?? "";
  if (type.startsWith("application/json")) {
    const body: unknown = await c.req.json().catch(() => null);
    if (!body || typeof body !== "object" || Array.isArray(body)) throw new DomainError("validation", "请求格式不正确，请检查后重新提交。");
    return { fields: body as Record<string, unknown>, files: [] };
  }
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const form = await c.req.parseBody({ all: true });
    const fields: Record<string, unknown> = {};
    const files: File[] = [];
    for (const [name, value] of Object.entries(form)) {
      for (const v of Array.isArray(value) ? value : [value]) {
        // A file input left empty still sends a part with no name and no bytes.
        if (typeof v !== "string") {
          if (name === ATTACHMENTS_FIELD && (v.size > 0 || v.name !== "")) files.push(v);
        } else if (name !== ATTACHMENTS_FIELD) fields[name] = v;
      }
    }
    return { fields, files };
  }
  throw new DomainError("unsupported_media_type", "不支持这种提交格式。");
}

const ATTACHMENTS_FIELD = "attachments";

async function inspectAll(files: File[]): Promise<InspectedUpload[]> {
  if (files.length > MAX_ATTACHMENTS) {
    const message = `最多上传 ${MAX_ATTACHMENTS} 个附件`;
    throw new DomainError("validation", message, { fields: [{ path: ATTACHMENTS_FIELD, message }] });
  }
  const inspected: InspectedUpload[] = [];
  for (const f of files) inspected.push(await inspectUpload({ path: ATTACHMENTS_FIELD, fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }));
  return inspected;
}

const asValues = (body: Record<string, unknown>): FormValues =>
  Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"));

function render(c: Context<AppEnv>, title: string, main: HtmlEscapedString | Promise<HtmlEscapedString>, status = 200, hasErrors = false) {
  return c.var.deps.pageShell.render({ title: pageTitle(title, hasErrors), main, status });
}

/** Errors other than field errors, as a page for the no-JS path (the JSON path has onError). */
function problem(c: Context<AppEnv>, error: unknown) {
  if (!(error instanceof DomainError) || error.code === "validation" || error.code === "not_found") throw error;
  if (error.retryAfter !== undefined) c.header("Retry-After", String(error.retryAfter));
  const status = error.code === "rate_limited" ? 429 : error.code === "unavailable" ? 503 : error.code === "conflict" ? 409 : 400;
  return render(c, "无法完成", problemPage("无法完成", error.message, c.var.requestId), status, true);
}

const fieldsOf = (error: DomainError) => (error.fields.length ? error.fields : [{ path: "", message: error.message }]);

const FILER_ACTIONS = {
  information: { schema: AddInformationInput, verb: addInformation },
  rate: { schema: RateInput, verb: rateAnswer },
  review: { schema: ReviewRequestInput, verb: requestReview },
} as const;

export const complaintRoutes = new Hono<AppEnv>()
  .post("/", rateLimit({ bucket: "complaint-submit", ...RATE_LIMITS.submission }), bodyLimitOf(SUBMISSION_BODY_LIMIT), async (c) => {
    const html = wantsHtml(c);
    const { fields: raw, files: chosen } = await bodyOf(c);
    try {
      const input = parseInput(SubmitComplaintInput, assertNoHoneypot(raw));
      const files = await inspectAll(chosen);
      const ctx = secureCtx(c.var.deps, ctxOf(c));
      const { complaint, replayed } = await submitComplaint({ ctx, input, files, idempotencyKey: idempotencyKeyOf(c.req.header("Idempotency-Key")) });
      if (html) return render(c, "投诉已提交", confirmationPage(complaint), 201);
      return c.json({ complaint, replayed }, replayed ? 200 : 201);
    } catch (error) {
      if (!html) throw error;
      if (error instanceof DomainError && error.code === "validation") {
        return render(c, "投诉举报", formWithErrors(asValues(raw), fieldsOf(error)), 422, true);
      }
      return problem(c, error);
    }
  })
  .post("/track", rateLimit({ bucket: "complaint-lookup", ...RATE_LIMITS.lookup }), async (c) => {
    const html = wantsHtml(c);
    const { fields: raw } = await bodyOf(c);
    try {
      const input = parseInput(TrackInput, raw);
      const view = await trackComplaint({ ctx: ctxOf(c), input });
      if (html) return render(c, `投诉 ${view.reference}`, trackResultPage(view, input.code));
      return c.json({ complaint: view }, 200);
    } catch (error) {
      if (!html) throw error;
      if (error instanceof DomainError && (error.code === "validation" || error.code === "not_found")) {
        return render(c, "投诉办理进度查询", trackFormWithErrors(asValues(raw), fieldsOf(error)), error.code === "not_found" ? 404 : 422, true);
      }
      return problem(c, error);
    }
  })
  .post("/track/:action{information|rate|review}", rateLimit({ bucket: "complaint-lookup", ...RATE_LIMITS.lookup }), async (c) => {
    const html = wantsHtml(c);
    const { fields: raw } = await bodyOf(c);
    const { schema, verb } = FILER_ACTIONS[c.req.param("action") as keyof typeof FILER_ACTIONS];
    try {
      const input = parseInput(schema, raw);
      // The three verbs take the same receipt; the schema above decided which input this is.
      const view = await (verb as (a: { ctx: ServiceCtx; input: typeof input }) => ReturnType<typeof trackComplaint>)({ ctx: ctxOf(c), input });
      if (html) return render(c, `投诉 ${view.reference}`, trackResultPage(view, input.code));
      return c.json({ complaint: view }, 200);
    } catch (error) {
      if (!html) throw error;
      if (error instanceof DomainError && (error.code === "validation" || error.code === "conflict")) {
        // Show the case again with the problem on top, if the receipt itself is good.
        const receipt = TrackInput.safeParse({ reference: raw.reference, code: raw.code });
        if (receipt.success) {
          const view = await trackComplaint({ ctx: ctxOf(c), input: receipt.data });
          return render(c, `投诉 ${view.reference}`, trackResultPage(view, receipt.data.code, fieldsOf(error), asValues(raw)), error.code === "conflict" ? 409 : 422, true);
        }
      }
      if (error instanceof DomainError && error.code === "not_found") {
        return render(c, "投诉办理进度查询", trackFormWithErrors(asValues(raw), fieldsOf(error)), 404, true);
      }
      return problem(c, error);
    }
  })
  .get("/stats", async (c) => {
    const stats = await publicComplaintStats(ctxOf(c));
    c.header("Cache-Control", "public, max-age=300, s-maxage=300");
    return c.json(stats, 200);
  })
  .get("/stats.csv", async (c) => {
    const stats = await publicComplaintStats(ctxOf(c));
    return c.body(statsCsv(stats), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="complaint-stats.csv"`,
      "Cache-Control": "public, max-age=300, s-maxage=300",
    });
  });
