/**
 * What a family may see of its application on /track/: timeline, requests for documents,
 * decisions with reasons, the offer and its deadline, waitlist positions and the
 * pseudonymous id under which the published allocation file lists it.
 */
import { asc, eq } from "drizzle-orm";
import { applicationDocuments, applicationEvents } from "../../../../db/schema";
import { sectionName, type Catalogue } from "../../../../src/domain/enrolment/catalogue";
import { APPLICATION_STATE_LABELS } from "../../../../src/domain/enrolment/states";
import { lapsedMessage, offerHasLapsed } from "../../../../src/domain/enrolment/offer-lapse";
import { DOCUMENT_KIND_LABELS, DOCUMENT_REVIEW_LABELS, GRADE_LABELS, INELIGIBLE_REASON_LABELS } from "../../../../src/domain/enrolment/vocabulary";
import type { ServiceCtx } from "../../context";
import type { ApplicationRow } from "./application-row";
import { waitlistPositions } from "./waitlist";

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
  /** `lapsed`: the plain sentence shown when the offer was not accepted by its deadline. */
  offer: { sectionName: string; deadline: string; canAnswer: boolean; lapsed: string | null } | null;
  /** Live positions; `note` says why one differs from the position in the published explanation. */
  waitlist: { sectionName: string; position: number; note: string | null }[];
  /** The pseudonymous id under which the published allocation file lists this family. */
  allocationId: string | null;
};

/** Why a live position differs from the one the published explanation gave (null when they agree). */
export function waitlistNote(published: number | null, now: number): string | null {
  if (published === null || published === now) return null;
  const moved = published - now;
  return `公布结果时您在第${published}位（见上方的分配说明）。此后排在您前面的${moved}个家庭已放弃学位或已通过候补获得更靠前志愿的学位，所以您现在是第${now}位。`;
}

export async function trackView(ctx: ServiceCtx, catalogue: Catalogue, row: ApplicationRow): Promise<TrackView> {
  const [events, documents, waiting] = await Promise.all([
    ctx.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, row.id)).orderBy(asc(applicationEvents.id)),
    ctx.db.select().from(applicationDocuments).where(eq(applicationDocuments.applicationId, row.id)).orderBy(asc(applicationDocuments.uploadedAt)),
    waitlistPositions(ctx.db, row),
  ]);
  const now = ctx.clock.now().toISOString();
  // Past its deadline an offer has lapsed even before the scheduled job writes it.
  const lapsed = offerHasLapsed(row, ctx.clock.now());
  return {
    reference: row.reference ?? "",
    state: row.state,
    stateLabel: APPLICATION_STATE_LABELS[lapsed ? "lapsed" : row.state],
    gradeLabel: GRADE_LABELS[row.grade],
    submittedAt: row.submittedAt ?? row.createdAt,
    timeline: events.map((e) => ({ at: e.at, label: e.toState ? APPLICATION_STATE_LABELS[e.toState] : e.event === "code_recovered" ? "查询码" : "材料审核", message: e.message })),
    documents: documents.map((d) => ({ kind: DOCUMENT_KIND_LABELS[d.kind], review: DOCUMENT_REVIEW_LABELS[d.review], reason: d.reviewReason })),
    canUpload: row.state === "more_info_requested",
    decision: row.state === "ineligible" && row.decisionReason ? { reason: INELIGIBLE_REASON_LABELS[row.decisionReason], text: row.decisionText ?? "" } : null,
    offer:
      row.offerSection && (row.state === "offered" || row.state === "accepted" || row.state === "declined" || row.state === "lapsed")
        ? { sectionName: sectionName(catalogue, row.offerSection), deadline: row.offerDeadline ?? "", canAnswer: row.state === "offered" && (row.offerDeadline ?? "") >= now, lapsed: lapsed ? lapsedMessage(row.offerDeadline, catalogue.enquiryPhone) : null }
        : null,
    waitlist: waiting.positions.map((w) => ({ sectionName: sectionName(catalogue, w.sectionId), position: w.position, note: waitlistNote(w.publishedPosition, w.position) })),
    allocationId: waiting.publicId,
  };
}
