/**
 * Waitlists after publication. The published allocation file plus the applications' current
 * states give the allocation module's OfferState (who holds which offer, who left); a
 * decline runs its `moveWaitlist`, and every resulting change becomes a new offer with its
 * timeline entry and SMS, in the declining family's transaction; a family that had accepted
 * moves up with its place still accepted (docs/draw-protocol.md), so it never has to answer again. Positions shown on /track/
 * come from the same module (`resultForState`), so they always match the moves.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { allocationRuns, applicationEvents, applications } from "../../../../db/schema";
import type { Db } from "../../../../db/client";
import { DomainError } from "../../../../src/domain/errors";
import type { Catalogue } from "../../../../src/domain/enrolment/catalogue";
import { moveWaitlist, resultForState, type AllocationResult, type OfferState, type PublishedAllocation } from "../../../../src/domain/enrolment/allocation";
import { offerDeadline } from "../../../../src/domain/enrolment/intake";
import { transition } from "../../../../src/domain/enrolment/states";
import { writeAudit } from "../../audit/internal/write-audit";
import type { SecureCtx, Tx } from "../../context";
import { smsGuardian } from "./sms-guardian";
import { isRankedOffer } from "./placement-offers";
import type { ApplicationRow } from "./application-row";

type Run = typeof allocationRuns.$inferSelect;
/** After the intake's deadline, a place offered from a waitlist still gets this many days. */
export const LATE_OFFER_DAYS = 7;

/** The published run of the application's grade and round (each round has its own draw). */
export async function publishedRunFor(db: Db | Tx, row: Pick<ApplicationRow, "intakeId" | "grade" | "round">): Promise<Run | undefined> {
  return db
    .select()
    .from(allocationRuns)
    .where(and(eq(allocationRuns.intakeId, row.intakeId), eq(allocationRuns.grade, row.grade), eq(allocationRuns.round, row.round), eq(allocationRuns.state, "published")))
    .orderBy(desc(allocationRuns.publishedAt))
    .get();
}

/** The module's OfferState from the database: offers held now, and who has left. */
async function offerStateOf(db: Db | Tx, run: Run): Promise<{ state: OfferState; published: PublishedAllocation; byPublic: Map<string, string>; byApp: Map<string, string> }> {
  const published = JSON.parse(run.published) as PublishedAllocation;
  const byPublic = new Map(Object.entries(JSON.parse(run.applicantIds) as Record<string, string>));
  const byApp = new Map([...byPublic].map(([p, a]) => [a, p]));
  const rows = await db
    .select({ id: applications.id, state: applications.state, offerSection: applications.offerSection })
    .from(applications)
    .where(inArray(applications.id, [...byPublic.values()]));
  const offers: Record<string, string | null> = {};
  const withdrawn: string[] = [];
  for (const r of rows) {
    const pid = byApp.get(r.id)!;
    // A lapsed offer (offer-lapse.ts) leaves the allocation exactly as a decline does.
    if (r.state === "declined" || r.state === "lapsed" || r.state === "withdrawn") withdrawn.push(pid);
    // A 统筹 placement (a school the family did not rank) is no offer for the matching: the family keeps its waitlist places.
    else offers[pid] = (r.state === "offered" || r.state === "accepted") && isRankedOffer(published, pid, r.offerSection) ? r.offerSection : null;
  }
  return { state: { offers, withdrawn }, published, byPublic, byApp };
}

/**
 * The family's pseudonymous id in the published file (to check its own result) and its waitlist
 * positions now, each beside the position written in the explanation at publication: a
 * waitlist only shrinks (families ahead decline, withdraw or move up to a place they ranked
 * higher), so a position can only move forward, and by exactly that many families.
 */
export async function waitlistPositions(db: Db, row: ApplicationRow): Promise<{ publicId: string | null; positions: { sectionId: string; position: number; publishedPosition: number | null }[] }> {
  const run = await publishedRunFor(db, row);
  if (!run) return { publicId: null, positions: [] };
  const { state, published, byApp } = await offerStateOf(db, run);
  const pid = byApp.get(row.id) ?? null;
  if (!pid || !["offered", "accepted", "waitlisted"].includes(row.state)) return { publicId: pid, positions: [] };
  const mine = resultForState(published, state).applicants.find((a) => a.id === pid);
  const atPublication = (JSON.parse(run.result) as AllocationResult).applicants.find((a) => a.id === pid);
  const publishedAt = (program: string) => atPublication?.choices.find((c) => c.program === program)?.waitlistPosition ?? null;
  const positions = (mine?.choices ?? [])
    .filter((c) => c.outcome === "waitlisted" && c.waitlistPosition !== null)
    .map((c) => ({ sectionId: c.program, position: c.waitlistPosition!, publishedPosition: publishedAt(c.program) }));
  return { publicId: pid, positions };
}

/** Called in the transaction that recorded `row`'s decline or lapse (row is the state before it). */
export async function moveWaitlistAfterDecline(tx: Tx, ctx: SecureCtx, catalogue: Catalogue, row: ApplicationRow): Promise<number> {
  const run = await publishedRunFor(tx, row);
  if (!run) return 0;
  const { state, published, byPublic, byApp } = await offerStateOf(tx, run);
  const pid = byApp.get(row.id);
  if (!pid) return 0;
  // The decliner still holds its place in the state the module starts from.
  const before: OfferState = { offers: { ...state.offers, [pid]: isRankedOffer(published, pid, row.offerSection) ? row.offerSection : null }, withdrawn: state.withdrawn.filter((w) => w !== pid) };
  const { changes } = moveWaitlist(published, before, { type: "decline", applicant: pid });
  const now = ctx.clock.now();
  const deadline = new Date(Math.max(offerDeadline(catalogue.intake).getTime(), now.getTime() + LATE_OFFER_DAYS * 86400 * 1000)).toISOString();
  let moved = 0;
  for (const change of changes) {
    if (change.applicant === pid || change.to === null) continue;
    const appId = byPublic.get(change.applicant);
    const target = appId ? await tx.select().from(applications).where(eq(applications.id, appId)).get() : undefined;
    if (!target) throw new DomainError("conflict", "候补名单与申请记录不一致，请联系管理员。");
    const to = transition(target.state, "offer");
    // An accepted family moves up with its place still accepted (states.ts): no new answer, no deadline to miss.
    const movedAccepted = to === "accepted";
    const message = movedAccepted ? acceptedMoveMessage(change.message, change.from === null ? sectionName(catalogue, target.offerSection) : null) : change.message;
    await tx
      .update(applications)
      .set({ state: to, offerSection: change.to, ...(movedAccepted ? {} : { offerDeadline: deadline }), updatedAt: now.toISOString() })
      .where(eq(applications.id, target.id));
    await tx.insert(applicationEvents).values({ applicationId: target.id, at: now.toISOString(), event: "offer", toState: to, message });
    await writeAudit(tx, ctx, { action: movedAccepted ? "enrolment.waitlist_move_accepted" : "enrolment.waitlist_offer", outcome: "success", objectType: "application", objectId: target.id, detail: change.reason });
    if (movedAccepted)
      await smsGuardian(tx, ctx, target, "候补递补：已接受的学位转到更靠前的志愿", `您的入学申请${target.reference}已接受的学位已转到您志愿中排得更靠前的「${sectionName(catalogue, change.to)}」，仍为已接受，不需要再答复。详情请在“办理进度查询”查看。`);
    else await smsGuardian(tx, ctx, target, "候补递补：获得新的学位", `您的入学申请${target.reference}通过候补获得了新的学位，请在“办理进度查询”查看，并在期限内接受或放弃。`);
    moved++;
  }
  return moved;
}

function sectionName(catalogue: Catalogue, id: string | null): string | null {
  return id === null ? null : (catalogue.sections.find((s) => s.id === id)?.name ?? id);
}

/** The timeline sentence for an accepted family moved up; `released` names a 统筹 place it had (the matching's move does not). */
function acceptedMoveMessage(moveMessage: string, released: string | null): string {
  const releasedNote = released === null ? "" : `原来统筹安排的「${released}」学位已释放。`;
  return `${moveMessage}${releasedNote}您已接受过学位，这所学校在您的志愿中排得更靠前，所以学位直接转到这里并仍为已接受，不需要再答复。`;
}
