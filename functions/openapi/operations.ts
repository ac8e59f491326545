/**
 * The public API, operation by operation, for its OpenAPI 3.1 description (issue 22 item 8):
 * each entry names the Hono route it describes (`hono`, exactly as `app.routes` lists it, so
 * a test can prove every public route is here) and points at the SAME zod schemas the route
 * validates with (the domain's `SubmitComplaintFields`, `TrackInput`, `RateInput`,
 * `Open311RequestsQuery`, the enrolment `applicationSchema` of the current catalogue …).
 * Chosen over rewriting the routes with `@hono/zod-openapi`: the routes stay the plain
 * limit → validate → verb → respond handlers every other module follows (and that other
 * changes edit), while `z.toJSONSchema` turns the very same schema objects into the document.
 * Responses without a schema of their own (views typed in TypeScript) are described in words.
 */
import { z } from "zod";
import { AddInformationInput, RateInput, ReviewRequestInput, SubmitComplaintFields, TrackInput } from "../../src/domain/complaint/schemas";
import {
  Open311Discovery,
  Open311Errors,
  Open311JurisdictionQuery,
  Open311RequestList,
  Open311RequestsQuery,
  Open311ServiceDefinition,
  Open311ServiceList,
} from "../../src/domain/complaint/open311";
import { ComplaintStatsSchema } from "../../src/domain/complaint/statistics";
import { applicationSchema, draftSchema } from "../../src/domain/enrolment/application";
import { RecoverCodeInput } from "../../src/domain/enrolment/recover-code";
import type { Catalogue } from "../../src/domain/enrolment/catalogue";

/** The error body of every route but Open311 (functions/error-response `ErrorBody`). */
export const ApiError = z.strictObject({
  code: z.string(),
  message: z.string(),
  requestId: z.string(),
  fields: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
});

const PublicStats = ComplaintStatsSchema.extend({
  asOf: z.string().meta({ description: "Shanghai calendar date of the figures (YYYY-MM-DD)" }),
  summaries: z.array(z.strictObject({ category: z.string(), categoryLabel: z.string(), answeredOn: z.string(), outcomeLabel: z.string(), summary: z.string() })),
});

/** What the enrolment tracking forms post (the route reads the two strings; the receipt check does the rest). */
const EnrolmentReceipt = z.strictObject({ reference: z.string(), accessCode: z.string() });

const FORM = ["application/x-www-form-urlencoded", "multipart/form-data"] as const;
const JSON_OR_FORM = ["application/json", ...FORM] as const;

export type Body = { schema: z.ZodType; types: readonly string[]; description?: string; /** Multipart: the schema is this JSON part's. */ part?: string };
export type Reply = { status: number; description: string; schema?: z.ZodType; type?: string };
export type Operation = {
  method: "get" | "post";
  /** The OpenAPI path (under the server `/api`). */
  path: string;
  /** The Hono route it documents, as `app.routes` lists it. */
  hono: string;
  operationId: string;
  tag: "complaints" | "statistics" | "open311" | "enrolment" | "health" | "api";
  summary: string;
  query?: z.ZodObject;
  pathParams?: Record<string, z.ZodType>;
  body?: Body;
  replies: Reply[];
};

const refused: Reply = { status: 422, description: "Refused: the fields and what to do, in Chinese", schema: ApiError };
const limited: Reply = { status: 429, description: "Too many requests from this client; see Retry-After", schema: ApiError };
const open311Error = (status: 400 | 404, description: string): Reply => ({ status, description, schema: Open311Errors });
const open311Formats = ["json", "xml"] as const;

/** Open311 documents come as .json and .xml: one operation per format. */
function open311(op: Omit<Operation, "path" | "operationId" | "tag" | "replies"> & { path: string; id: string; doc: z.ZodType; errors: Reply[] }): Operation[] {
  return open311Formats.map((format) => ({
    method: op.method,
    path: `${op.path}.${format}`,
    hono: op.hono.replace("{format}", format),
    operationId: `${op.id}${format === "json" ? "Json" : "Xml"}`,
    tag: "open311",
    summary: `${op.summary} (${format.toUpperCase()})`,
    ...(op.query ? { query: op.query } : {}),
    ...(op.pathParams ? { pathParams: op.pathParams } : {}),
    replies: [
      format === "json" ? { status: 200, description: "The document", schema: op.doc } : { status: 200, description: "The same document in the spec's XML", type: "text/xml" },
      ...op.errors.map((e) => (format === "json" ? e : { status: e.status, description: e.description, type: "text/xml" })),
    ],
  }));
}

const receiptReplies = (what: string): Reply[] => [
  { status: 200, description: `${what}: the case as its filer may see it (JSON), or the case page for a plain form post` },
  refused,
  { status: 404, description: "Unknown reference or wrong receipt code (one reply for both)", schema: ApiError },
  { status: 409, description: "The case is not in a state that allows this", schema: ApiError },
  limited,
];

export function publicOperations(catalogue: Catalogue): Operation[] {
  return [
    { method: "get", path: "/openapi.json", hono: "/api/openapi.json", operationId: "openApiDocument", tag: "api", summary: "This description (OpenAPI 3.1)", replies: [{ status: 200, description: "The document" }] },
    { method: "get", path: "/openapi.html", hono: "/api/openapi.html", operationId: "openApiReference", tag: "api", summary: "A page listing every operation", replies: [{ status: 200, description: "The page", type: "text/html" }] },
    {
      method: "get", path: "/health", hono: "/api/health", operationId: "health", tag: "health", summary: "Whether the database and the blob store answer",
      replies: [{ status: 200, description: "Both answer" }, { status: 503, description: "One of them does not; see problems" }],
    },
    {
      method: "post", path: "/complaints", hono: "/api/complaints", operationId: "fileComplaint", tag: "complaints", summary: "File a complaint (JSON with Idempotency-Key, or a plain form post answered with a page)",
      body: { schema: SubmitComplaintFields, types: JSON_OR_FORM, description: "The complaint; multipart may add up to 5 files as `attachments` (JPG, PNG or PDF ≤ 5 MB)" },
      replies: [{ status: 201, description: "Filed: the reference and the receipt code (shown once)" }, { status: 200, description: "A replay of the same Idempotency-Key" }, refused, limited, { status: 413, description: "Body too large", schema: ApiError }],
    },
    { method: "post", path: "/complaints/track", hono: "/api/complaints/track", operationId: "trackComplaint", tag: "complaints", summary: "Track a complaint with its reference and receipt code", body: { schema: TrackInput, types: JSON_OR_FORM }, replies: receiptReplies("Found") },
    { method: "post", path: "/complaints/track/information", hono: "/api/complaints/track/:action{information|rate|review}", operationId: "addComplaintInformation", tag: "complaints", summary: "Add the information staff asked for", body: { schema: AddInformationInput, types: JSON_OR_FORM }, replies: receiptReplies("Added") },
    { method: "post", path: "/complaints/track/rate", hono: "/api/complaints/track/:action{information|rate|review}", operationId: "rateComplaintAnswer", tag: "complaints", summary: "Rate the answer", body: { schema: RateInput, types: JSON_OR_FORM }, replies: receiptReplies("Rated") },
    { method: "post", path: "/complaints/track/review", hono: "/api/complaints/track/:action{information|rate|review}", operationId: "requestComplaintReview", tag: "complaints", summary: "Ask for a review of the answer (within 30 days)", body: { schema: ReviewRequestInput, types: JSON_OR_FORM }, replies: receiptReplies("Review requested") },
    { method: "get", path: "/complaints/receipt", hono: "/api/complaints/receipt", operationId: "complaintReceiptPage", tag: "complaints", summary: "The receipt page after a plain form post: reference and code read from a sealed, HttpOnly, path-scoped cookie (never from the URL); a reload files nothing", replies: [{ status: 200, description: "The page", type: "text/html" }, { status: 404, description: "No or expired receipt cookie: where to find the reference instead", type: "text/html" }] },
    { method: "get", path: "/complaints/stats", hono: "/api/complaints/stats", operationId: "complaintStats", tag: "statistics", summary: "Public complaint figures (disclosure-controlled: hidden figures are null)", replies: [{ status: 200, description: "The figures", schema: PublicStats }] },
    { method: "get", path: "/complaints/stats.csv", hono: "/api/complaints/stats.csv", operationId: "complaintStatsCsv", tag: "statistics", summary: "The same figures as CSV with names", replies: [{ status: 200, description: "CSV (UTF-8 with BOM): table,key,name,count,note", type: "text/csv" }] },
    { method: "get", path: "/complaints/stats.html", hono: "/api/complaints/stats.html", operationId: "complaintStatsPage", tag: "statistics", summary: "The statistics page, rendered on each request", replies: [{ status: 200, description: "The page", type: "text/html" }] },
    ...open311({ method: "get", path: "/open311/discovery", hono: "/api/open311/discovery.{format}", id: "open311Discovery", summary: "Open311 service discovery", query: Open311JurisdictionQuery, doc: Open311Discovery, errors: [open311Error(404, "jurisdiction_id not found")] }),
    ...open311({ method: "get", path: "/open311/v2/services", hono: "/api/open311/v2/services.{format}", id: "open311Services", summary: "Open311 services: one per complaint category", query: Open311JurisdictionQuery, doc: Open311ServiceList, errors: [open311Error(404, "jurisdiction_id not found")] }),
    ...open311({
      method: "get", path: "/open311/v2/services/{service_code}", hono: "/api/open311/v2/services/:file{[a-z0-9-]+\\.(?:json|xml)}", id: "open311ServiceDefinition", summary: "An Open311 service's definition",
      query: Open311JurisdictionQuery, pathParams: { service_code: Open311ServiceDefinition.shape.service_code }, doc: Open311ServiceDefinition, errors: [open311Error(404, "No such service_code, or jurisdiction_id not found")],
    }),
    ...open311({ method: "get", path: "/open311/v2/requests", hono: "/api/open311/v2/requests.{format}", id: "open311Requests", summary: "Open311 requests: listed complaints (consenting and concluded), filtered", query: Open311RequestsQuery, doc: Open311RequestList, errors: [open311Error(400, "An invalid value, or a range over 90 days"), open311Error(404, "jurisdiction_id not found")] }),
    ...open311({
      method: "get", path: "/open311/v2/requests/{service_request_id}", hono: "/api/open311/v2/requests/:file{[0-9a-f]{16}\\.(?:json|xml)}", id: "open311Request", summary: "One listed complaint (an array of one)",
      query: Open311JurisdictionQuery, pathParams: { service_request_id: Open311RequestList.element.shape.service_request_id }, doc: Open311RequestList, errors: [open311Error(404, "Not listed, or no such id")],
    }),
    {
      method: "post", path: "/enrol/applications", hono: "/api/enrol/applications", operationId: "submitApplication", tag: "enrolment", summary: "Apply for a school place (multipart: the application as a JSON part, documents as files)",
      body: { schema: applicationSchema(catalogue), types: ["multipart/form-data"], part: "application", description: "Part `application`: the application as JSON; file parts: the documents the form asks for" },
      replies: [{ status: 201, description: "Filed: reference, access code (shown once), submittedAt" }, { status: 200, description: "A replay of the same Idempotency-Key" }, refused, limited],
    },
    { method: "post", path: "/enrol/draft", hono: "/api/enrol/draft", operationId: "saveApplicationDraft", tag: "enrolment", summary: "No-JavaScript path: keep the form as a server-side draft", body: { schema: draftSchema(catalogue), types: FORM }, replies: [{ status: 201, description: "Saved (JSON)" }, { status: 303, description: "Saved: on to the check page (form post)" }, refused, limited] },
    { method: "post", path: "/enrol/draft/step", hono: "/api/enrol/draft/step", operationId: "saveApplicationStep", tag: "enrolment", summary: "No-JavaScript path: one question group of the form (earlier answers carried in hidden fields); a draft is kept only when every group is good", body: { schema: z.record(z.string(), z.string()), types: FORM, description: "The group's fields, the earlier groups' answers as hidden fields, and `step`" }, replies: [{ status: 200, description: "The next group (form post: the page)" }, { status: 201, description: "Every group good: draft kept (JSON)" }, { status: 303, description: "Every group good: on to the check page (form post)" }, { status: 422, description: "The group's errors, one per field" }, limited] },
    { method: "get", path: "/enrol/draft", hono: "/api/enrol/draft", operationId: "loadApplicationDraft", tag: "enrolment", summary: "The script's way back to the draft in the (HttpOnly) cookie", replies: [{ status: 200, description: "The draft's answers" }, { status: 404, description: "No draft", schema: ApiError }] },
    { method: "get", path: "/enrol/draft/start", hono: "/api/enrol/draft/start", operationId: "startApplicationDraft", tag: "enrolment", summary: "No-JavaScript path: the form's first group, with township, community and grade filled in from 我家孩子能上哪所学校 (query `grade`, `township`, `community`)", replies: [{ status: 200, description: "The page", type: "text/html" }] },
    { method: "get", path: "/enrol/draft/check", hono: "/api/enrol/draft/check", operationId: "checkApplicationDraft", tag: "enrolment", summary: "No-JavaScript path: the check-your-answers page of the draft in the cookie", replies: [{ status: 200, description: "The page", type: "text/html" }, { status: 303, description: "No draft: back to the form" }] },
    { method: "get", path: "/enrol/draft/edit", hono: "/api/enrol/draft/edit", operationId: "editApplicationDraft", tag: "enrolment", summary: "No-JavaScript path: the form again with the draft's answers", replies: [{ status: 200, description: "The page", type: "text/html" }, { status: 303, description: "No draft: back to the form" }] },
    { method: "post", path: "/enrol/draft/submit", hono: "/api/enrol/draft/submit", operationId: "submitApplicationDraft", tag: "enrolment", summary: "No-JavaScript path: submit the draft with its documents", body: { schema: EnrolmentReceipt.partial(), types: ["multipart/form-data"], description: "The documents as file parts (the draft is in the cookie)" }, replies: [{ status: 201, description: "Filed" }, { status: 404, description: "No draft", schema: ApiError }, refused, limited] },
    { method: "post", path: "/enrol/track", hono: "/api/enrol/track", operationId: "trackApplication", tag: "enrolment", summary: "Track an application with its reference and access code", body: { schema: EnrolmentReceipt, types: JSON_OR_FORM }, replies: receiptReplies("Found") },
    { method: "post", path: "/enrol/track/accept", hono: "/api/enrol/track/accept", operationId: "acceptOffer", tag: "enrolment", summary: "Accept the offered place", body: { schema: EnrolmentReceipt, types: JSON_OR_FORM }, replies: receiptReplies("Accepted") },
    { method: "post", path: "/enrol/track/decline", hono: "/api/enrol/track/decline", operationId: "declineOffer", tag: "enrolment", summary: "Decline the offered place", body: { schema: EnrolmentReceipt, types: JSON_OR_FORM }, replies: receiptReplies("Declined") },
    { method: "post", path: "/enrol/track/documents", hono: "/api/enrol/track/documents", operationId: "provideDocuments", tag: "enrolment", summary: "Upload the documents staff asked for", body: { schema: EnrolmentReceipt, types: ["multipart/form-data"], description: "The receipt fields and the documents as file parts" }, replies: receiptReplies("Uploaded") },
    { method: "post", path: "/enrol/recover", hono: "/api/enrol/recover", operationId: "recoverAccessCode", tag: "enrolment", summary: "忘记查询码: a new access code by SMS to the phone on the application, the old one revoked; one reply whatever matched", body: { schema: RecoverCodeInput, types: JSON_OR_FORM }, replies: [{ status: 202, description: "The one reply (JSON)" }, { status: 200, description: "The one reply (form post: the page)", type: "text/html" }, refused, limited] },
    { method: "get", path: "/enrol/results", hono: "/api/enrol/results", operationId: "allocationResults", tag: "enrolment", summary: "Published allocation results, the file `npm run allocation:verify` re-runs (format allocation-results/1, no personal data)", replies: [{ status: 200, description: "The published runs" }] },
    { method: "get", path: "/enrol/results/page", hono: "/api/enrol/results/page", operationId: "allocationResultsPage", tag: "enrolment", summary: "The results page, rendered on each request (served at /enrol/results/)", replies: [{ status: 200, description: "The page", type: "text/html" }] },
    { method: "get", path: "/enrol/phase", hono: "/api/enrol/phase", operationId: "intakePhases", tag: "enrolment", summary: "Each intake's current phase (open, closed, review complete, draw, published, offers, second round)", replies: [{ status: 200, description: "The phases" }] },
    { method: "get", path: "/enrol/draw-log", hono: "/api/enrol/draw-log", operationId: "drawLog", tag: "enrolment", summary: "The public draw log: frozen applicant-set digests, witness commitments and reveals, every run with its seed and outcome digest", replies: [{ status: 200, description: "The log" }] },
    { method: "get", path: "/enrol/draw-log/page", hono: "/api/enrol/draw-log/page", operationId: "drawLogPage", tag: "enrolment", summary: "The draw log page, rendered on each request (served at /enrol/draw-log/)", replies: [{ status: 200, description: "The page", type: "text/html" }] },
  ];
}
