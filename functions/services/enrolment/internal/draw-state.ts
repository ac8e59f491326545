/**
 * What the draw verbs and the phase read from the database for one grade: per round, how
 * many applications still await a decision, whether the applicant set is frozen, whether an
 * official draw exists, whether its offers were sent and how many of them are still inside
 * their answer window; the phase computed from them by the
 * domain's one `intakePhase` function; and the round's latest ceremony with its witnesses.
 */
import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { allocationRuns, applications, drawCeremonies, drawWitnesses } from "../../../../db/schema";
import type { Db } from "../../../../db/client";
import type { Catalogue } from "../../../../src/domain/enrolment/catalogue";
import { intakePhase, type PhaseView, type RoundState } from "../../../../src/domain/enrolment/draw/phase";
import type { Round } from "../../../../src/domain/enrolment/draw/round";
import { REVIEWABLE_STATES } from "../../../../src/domain/enrolment/states";
import type { Grade } from "../../../../src/domain/enrolment/vocabulary";
import type { ServiceCtx, Tx } from "../../context";

export type Ceremony = typeof drawCeremonies.$inferSelect;
export type Witness = typeof drawWitnesses.$inferSelect;

export async function latestCeremony(db: Db | Tx, intakeId: string, grade: Grade, round: Round): Promise<Ceremony | undefined> {
  return db
    .select()
    .from(drawCeremonies)
    .where(and(eq(drawCeremonies.intakeId, intakeId), eq(drawCeremonies.grade, grade), eq(drawCeremonies.round, round)))
    .orderBy(desc(drawCeremonies.openedAt), desc(sql`rowid`))
    .get();
}

export async function witnessesOf(db: Db | Tx, ceremonyId: string): Promise<Witness[]> {
  return db.select().from(drawWitnesses).where(eq(drawWitnesses.ceremonyId, ceremonyId)).orderBy(asc(drawWitnesses.position));
}

async function roundState(db: Db | Tx, intakeId: string, grade: Grade, round: Round, now: Date): Promise<RoundState> {
  const [undecided, ceremony, runs, live] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)` })
      .from(applications)
      .where(and(eq(applications.intakeId, intakeId), eq(applications.grade, grade), eq(applications.round, round), inArray(applications.state, [...REVIEWABLE_STATES])))
      .get(),
    latestCeremony(db, intakeId, grade, round),
    db
      .select({ state: allocationRuns.state })
      .from(allocationRuns)
      .where(and(eq(allocationRuns.intakeId, intakeId), eq(allocationRuns.grade, grade), eq(allocationRuns.round, round), inArray(allocationRuns.state, ["official", "published"]))),
    // Offers still inside their answer window (src/domain/enrolment/offer-lapse.ts offerIsLive).
    db
      .select({ n: sql<number>`count(*)`, last: sql<string | null>`max(${applications.offerDeadline})` })
      .from(applications)
      .where(and(eq(applications.intakeId, intakeId), eq(applications.grade, grade), eq(applications.round, round), eq(applications.state, "offered"), gte(applications.offerDeadline, now.toISOString())))
      .get(),
  ]);
  return {
    undecided: undecided?.n ?? 0,
    frozen: ceremony !== undefined && ceremony.state !== "committing",
    drawn: runs.length > 0,
    published: runs.some((r) => r.state === "published"),
    liveOffers: live?.n ?? 0,
    lastLiveDeadline: live?.last ?? null,
  };
}

export async function gradePhase(ctx: Pick<ServiceCtx, "db" | "clock">, catalogue: Catalogue, grade: Grade, db: Db | Tx = ctx.db): Promise<PhaseView & { rounds: Record<Round, RoundState> }> {
  const intakeId = catalogue.intake.id;
  const now = ctx.clock.now();
  const [first, second] = await Promise.all([roundState(db, intakeId, grade, 1, now), roundState(db, intakeId, grade, 2, now)]);
  const rounds = { 1: first, 2: second };
  return { ...intakePhase({ intake: catalogue.intake, now, rounds }), rounds };
}
