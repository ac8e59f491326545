/**
 * Tracking for families (SECURITY.md item 14): reference + access code, both in a POST body.
 * Every wrong code for an existing reference is counted in the database; after
 * MAX_FAILED_LOOKUPS the reference is locked for LOCK_MINUTES, so guessing one family's code
 * is limited even from many addresses (the per-client rate limit covers the rest). A wrong
 * reference and a wrong code get the same answer. `trackView` is what the family may see:
 * timeline, requests for documents, decisions with reasons, the offer and waitlist positions.
 */
import { asc, eq, sql } from "drizzle-orm";
import { applicationDocuments, applicationEvents, applications } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import { sectionName, type Catalogue } from "../../../src/domain/enrolment/catalogue";
import { APPLICATION_STATE_LABELS } from "../../../src/domain/enrolment/states";
import { DOCUMENT_KIND_LABELS, DOCUMENT_REVIEW_LABELS, GRADE_LABELS, INELIGIBLE_REASON_LABELS } from "../../../src/domain/enrolment/vocabulary";
import { hashReceiptCode } from "../../platform/receipt-code";
import { waitlistPositions } from "./waitlist";
import type { ServiceCtx } from "../context";

export const LOOKUP_FAILED = "受理编号或查询码不正确，请核对后重新输入。";
export const LOOKUP_LOCKED = "这个受理编号的查询码输错次数过多，已暂停查询 15 分钟。请稍后再试，或携带监护人身份证到区教育局现场查询。";
export const MAX_FAILED_LOOKUPS = 5;
export const LOCK_MINUTES = 15;

export type ApplicationRow = typeof applications.$inferSelect;

export function normaliseReference(input: string): string {
  return input.normalize("NFKC").trim().toUpperCase().replace(/\s+/g, "");
}

/** The application a reference + code open, or a refusal that does not say which part was wrong. */
export async function findForFamily(ctx: ServiceCtx, reference: string, code: string): Promise<ApplicationRow> {
  const now = ctx.clock.now();
  const row = await ctx.db.select().from(applications).where(eq(applications.reference, normaliseReference(reference))).get();
  const fields = [
    { path: "reference", message: LOOKUP_FAILED },
    { path: "accessCode", message: LOOKUP_FAILED },
  ];
  if (!row || !row.accessCodeHash) throw new DomainError("validation", LOOKUP_FAILED, { fields });
  if (row.lookupLockedUntil && row.lookupLockedUntil > now.toISOString()) {
    const retryAfter = Math.ceil((Date.parse(row.lookupLockedUntil) - now.getTime()) / 1000);
    throw new DomainError("rate_limited", LOOKUP_LOCKED, { retryAfter });
  }
  if (code.trim() !== "" && (await hashReceiptCode(code)) === row.accessCodeHash) {
    if (row.failedLookups > 0) await ctx.db.update(applications).set({ failedLookups: 0, lookupLockedUntil: null }).where(eq(applications.id, row.id));
    return row;
  }
  // One statement, so parallel guesses cannot slip past the count.
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60 * 1000).toISOString();
  await ctx.db
    .update(applications)
    .set({
      failedLookups: sql`${applications.failedLookups} + 1`,
      lookupLockedUntil: sql`case when ${applications.failedLookups} + 1 >= ${MAX_FAILED_LOOKUPS} then ${lockUntil} else ${applications.lookupLockedUntil} end`,
    })
    .where(eq(applications.id, row.id));
  throw new DomainError("validation", LOOKUP_FAILED, { fields });
}

export type TrackView = {
  reference: string;
  state: ApplicationRow["state"];
  stateLabel: string;
  gradeLabel: string;
  submittedAt: string;
  timeline: { at: string; label: string; message: string | null }[];
  documents: { kind: string; review: string; reason: string | null }[];
  canUpload: boolean;
  decision: { reason: string; text: string } | null;
  offer: { sectionName: string; deadline: string; canAnswer: boolean } | null;
  waitlist: { sectionName: string; position: number }[];
  /** The pseudonymous id under which the published allocation file lists this family. */
  allocationId: string | null;
};

export async function trackView(ctx: ServiceCtx, catalogue: Catalogue, row: ApplicationRow): Promise<TrackView> {
  const [events, documents, waiting] = await Promise.all([
    ctx.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, row.id)).orderBy(asc(applicationEvents.id)),
    ctx.db.select().from(applicationDocuments).where(eq(applicationDocuments.applicationId, row.id)).orderBy(asc(applicationDocuments.uploadedAt)),
    waitlistPositions(ctx.db, row),
  ]);
  const now = ctx.clock.now().toISOString();
  return {
    reference: row.reference ?? "",
    state: row.state,
    stateLabel: APPLICATION_STATE_LABELS[row.state],
    gradeLabel: GRADE_LABELS[row.grade],
    submittedAt: row.submittedAt ?? row.createdAt,
    timeline: events.map((e) => ({ at: e.at, label: e.toState ? APPLICATION_STATE_LABELS[e.toState] : "材料审核", message: e.message })),
    documents: documents.map((d) => ({ kind: DOCUMENT_KIND_LABELS[d.kind], review: DOCUMENT_REVIEW_LABELS[d.review], reason: d.reviewReason })),
    canUpload: row.state === "more_info_requested",
    decision: row.state === "ineligible" && row.decisionReason ? { reason: INELIGIBLE_REASON_LABELS[row.decisionReason], text: row.decisionText ?? "" } : null,
    offer:
      row.offerSection && (row.state === "offered" || row.state === "accepted" || row.state === "declined")
        ? { sectionName: sectionName(catalogue, row.offerSection), deadline: row.offerDeadline ?? "", canAnswer: row.state === "offered" && (row.offerDeadline ?? "") >= now }
        : null,
    waitlist: waiting.positions.map((w) => ({ sectionName: sectionName(catalogue, w.sectionId), position: w.position })),
    allocationId: waiting.publicId,
  };
}
