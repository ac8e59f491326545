/**
 * `/api/complaints`: the public side of complaints. Each write answers two kinds of client
 * through the one answer helper (functions/http/answer): the JavaScript path (JSON in and
 * out, `Idempotency-Key` honoured) and a plain HTML form post (no JavaScript), which gets a
 * page in the shell: the form again with the error summary and the values kept, the
 * confirmation, or the case view. Each handler is limit → validate → one verb → respond.
 * Submissions and receipt lookups are rate limited per client in the database; statistics
 * are public and cached.
 */
import { Hono, type Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { AddInformationInput, MAX_ATTACHMENTS, RateInput, ReviewRequestInput, SubmitComplaintInput, TrackInput } from "../../src/domain/complaint/schemas";
import type { DomainError, FieldError } from "../../src/domain/errors";
import { MAX_UPLOAD_BYTES } from "../../src/domain/uploads";
import { formWithErrors, type FormValues } from "../../src/forms/complaint/complaint-form";
import { confirmationPage, receiptExpiredPage } from "../../src/forms/complaint/confirmation-page";
import { statsPage } from "../../src/forms/complaint/stats-page";
import { trackFormWithErrors, trackResultPage } from "../../src/forms/complaint/track-pages";
import type { AppEnv } from "../app-env";
import { isNoJsFormPost, renderPage, respond, type Page } from "../http/answer";
import { FORM_TOKEN_FIELD, formPostKey } from "../http/form-key";
import { filesNamed, readBody } from "../http/read-body";
import { bodyLimitOf } from "../middleware/body-limit";
import { RATE_LIMITS, rateLimit } from "../middleware/rate-limit";
import { addInformation } from "../services/complaint/add-information";
import { openReceipt, RECEIPT_COOKIE, RECEIPT_COOKIE_MINUTES, RECEIPT_PAGE_PATH, sealReceipt } from "../services/complaint/internal/receipt-cookie";
import { statsCsv } from "../services/complaint/internal/stats-csv";
import { publicComplaintStats } from "../services/complaint/public-complaint-stats";
import { rateAnswer } from "../services/complaint/rate-answer";
import { requestReview } from "../services/complaint/request-review";
import { ATTACHMENTS_FIELD, submitComplaint } from "../services/complaint/submit-complaint";
import { trackComplaint } from "../services/complaint/track-complaint";
import { contextOf } from "../services/context";
import { RECEIPT_POLICY } from "../services/receipt/internal/receipt-policy";
import { idempotencyKeyOf } from "../services/idempotency/internal/with-idempotency";
import { parseForm } from "../validate";

/** Five files of 5 MB and the text fields. */
const SUBMISSION_BODY_LIMIT = MAX_ATTACHMENTS * MAX_UPLOAD_BYTES + 1024 * 1024;
const submissions = rateLimit({ bucket: "complaint-submit", ...RATE_LIMITS.submission });
const STATS_CACHE = "public, max-age=300, s-maxage=300";
/** Per client, from the receipt policy; wrong codes per reference only slow (services/receipt). */
const lookups = rateLimit(RECEIPT_POLICY.complaint.perClient);

/** The posted text fields as the form shows them again (files are never sent back). */
const asValues = (fields: Record<string, unknown>): FormValues =>
  Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === "string"));

const FILER_ACTIONS = {
  information: { schema: AddInformationInput, verb: addInformation },
  rate: { schema: RateInput, verb: rateAnswer },
  review: { schema: ReviewRequestInput, verb: requestReview },
} as const;
type FilerAction = keyof typeof FILER_ACTIONS;

type CaseView = Awaited<ReturnType<typeof trackComplaint>>;

/** The verb's view with the code the filer typed, which the case page's follow-up forms carry. */
async function withReceipt<I extends TrackInput>(input: I, verb: (input: I) => Promise<CaseView>) {
  return { view: await verb(input), code: input.code };
}

const casePage = ({ view, code }: { view: CaseView; code: string }, errors: FieldError[] = [], values: FormValues = {}): Page => ({
  title: `投诉${view.reference}`,
  main: trackResultPage(view, code, errors, values),
  hasErrors: errors.length > 0,
});
const lookupAgain = (fields: Record<string, unknown>, errors: FieldError[]): Page => ({ title: "投诉办理进度查询", main: trackFormWithErrors(asValues(fields), errors) });

/** A refused follow-up shows the case again with the problem on top, if the receipt itself is good. */
async function refusedOnCase(c: Context<AppEnv>, fields: Record<string, unknown>, errors: FieldError[], error: DomainError): Promise<Page | null> {
  if (error.code === "not_found") return lookupAgain(fields, errors);
  if (error.code !== "validation" && error.code !== "conflict") return null;
  const receipt = TrackInput.safeParse({ reference: fields.reference, code: fields.code });
  if (!receipt.success) return null;
  return casePage(await withReceipt(receipt.data, (input) => trackComplaint({ ctx: contextOf(c), input })), errors, asValues(fields));
}

const caseJson = ({ view }: { view: CaseView }) => ({ body: { complaint: view } });

export const complaintRoutes = new Hono<AppEnv>()
  .post("/", submissions, bodyLimitOf(SUBMISSION_BODY_LIMIT), async (c) => {
    const { fields, files } = await readBody(c);
    const { [ATTACHMENTS_FIELD]: _chosen, [FORM_TOKEN_FIELD]: token, ...typed } = fields;
    const chosen = filesNamed(files, ATTACHMENTS_FIELD);
    // A plain form post is keyed by its one-time token (or its client and content), so a reload or a double tap files once.
    const idempotencyKey = idempotencyKeyOf(c.req.header("Idempotency-Key")) ?? (isNoJsFormPost(c.req.raw) ? await formPostKey(c, token, typed, chosen) : undefined);
    const ctx = contextOf(c);
    return respond(c, () => submitComplaint({ ctx, input: { complaint: parseForm(SubmitComplaintInput, typed), files: chosen, idempotencyKey } }), {
      json: ({ complaint, replayed }) => ({ body: { complaint, replayed }, status: replayed ? 200 : 201 }),
      // POST-redirect-GET: the receipt page reads the sealed cookie, so reloading it files nothing.
      page: async ({ complaint }) => {
        setCookie(c, RECEIPT_COOKIE, await sealReceipt(ctx.keys, complaint, ctx.clock.now()), {
          prefix: "secure",
          path: RECEIPT_PAGE_PATH,
          secure: true,
          httpOnly: true,
          sameSite: "Strict",
          maxAge: RECEIPT_COOKIE_MINUTES * 60,
        });
        return c.redirect(RECEIPT_PAGE_PATH, 303);
      },
      refused: (errors, error) => (error.code === "validation" ? { title: "投诉举报", main: formWithErrors(asValues(typed), errors) } : null),
    });
  })
  .get("/receipt", async (c) => {
    const ctx = contextOf(c);
    const receipt = await openReceipt(ctx.keys, getCookie(c, RECEIPT_COOKIE, "secure"), ctx.clock.now());
    c.header("Cache-Control", "no-store");
    if (!receipt) return renderPage(c, { title: "回执页面已过期", main: receiptExpiredPage(), status: 404 });
    return renderPage(c, { title: "投诉已提交", main: confirmationPage(receipt) });
  })
  .post("/track", lookups, async (c) => {
    const { fields } = await readBody(c);
    return respond(c, () => withReceipt(parseForm(TrackInput, fields), (input) => trackComplaint({ ctx: contextOf(c), input })), {
      json: caseJson,
      page: casePage,
      refused: (errors, error) => (error.code === "validation" || error.code === "not_found" ? lookupAgain(fields, errors) : null),
    });
  })
  .post("/track/:action{information|rate|review}", lookups, async (c) => {
    const { fields } = await readBody(c);
    const { schema, verb } = FILER_ACTIONS[c.req.param("action") as FilerAction];
    // The three verbs take the same receipt; the schema above decided which input this is.
    const run = verb as unknown as (a: { ctx: ReturnType<typeof contextOf>; input: TrackInput }) => Promise<CaseView>;
    return respond(c, () => withReceipt(parseForm(schema, fields) as TrackInput, (input) => run({ ctx: contextOf(c), input })), {
      json: caseJson,
      page: casePage,
      refused: (errors, error) => refusedOnCase(c, fields, errors, error),
    });
  })
  .get("/stats", async (c) => {
    const stats = await publicComplaintStats({ ctx: contextOf(c) });
    c.header("Cache-Control", STATS_CACHE);
    return c.json(stats, 200);
  })
  // The statistics page itself, rendered on each request (cached 5 min) so it is current and needs no script.
  .get("/stats.html", async (c) => {
    const res = await renderPage(c, { title: "投诉统计", indexable: true, main: statsPage(await publicComplaintStats({ ctx: contextOf(c) })) });
    res.headers.set("Cache-Control", STATS_CACHE);
    return res;
  })
  .get("/stats.csv", async (c) => {
    const stats = await publicComplaintStats({ ctx: contextOf(c) });
    return c.body(statsCsv(stats), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="complaint-stats.csv"`,
      "Cache-Control": STATS_CACHE,
    });
  });
