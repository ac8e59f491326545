/**
 * The market a draw runs on, read from the database: the eligible applications of one grade
 * and round under their pseudonymous ids, each ranked program with the priority tier the
 * family's community gives it, and the programs with their seats. The first round offers the
 * intake's seats; the second round (补录) only the seats left after the first round:
 * capacity − accepted or enrolled − offers still inside their answer window. A lapsed offer
 * (src/domain/enrolment/offer-lapse.ts) holds nothing; the second-round freeze is refused
 * while any first-round offer is live (draw/phase.ts), so the frozen seats are final.
 */
import { and, eq, inArray } from "drizzle-orm";
import { applications } from "../../../../db/schema";
import type { AllocationApplicant, AllocationProgram } from "../../../../src/domain/enrolment/allocation";
import { communityOf, sectionsForGrade, type Catalogue } from "../../../../src/domain/enrolment/catalogue";
import type { Round } from "../../../../src/domain/enrolment/draw/round";
import { inCatchment } from "../../../../src/domain/enrolment/points";
import { offerIsLive } from "../../../../src/domain/enrolment/offer-lapse";
import type { Grade } from "../../../../src/domain/enrolment/vocabulary";
import type { SecureCtx } from "../../context";
import { publicIdOf } from "./allocation-run";

export type DrawMarket = { programs: AllocationProgram[]; applicants: AllocationApplicant[]; applicantIds: Record<string, string> };

export async function drawMarket(ctx: Pick<SecureCtx, "db" | "keys" | "clock">, catalogue: Catalogue, grade: Grade, round: Round): Promise<DrawMarket> {
  const intakeId = catalogue.intake.id;
  const eligible = await ctx.db
    .select()
    .from(applications)
    .where(and(eq(applications.intakeId, intakeId), eq(applications.grade, grade), eq(applications.round, round), eq(applications.state, "eligible")));
  const applicantIds: Record<string, string> = {};
  const applicants = await Promise.all(
    eligible.map(async (a) => {
      const id = await publicIdOf(ctx, a.id);
      applicantIds[id] = a.id;
      const catchment = communityOf(catalogue, a.areaId, a.communityId)?.catchment ?? {};
      const choices = (JSON.parse(a.preferences) as string[]).map((program) => ({ program, tier: inCatchment(catchment, a.grade, program) ? ("catchment" as const) : ("other" as const) }));
      return { id, choices, points: a.points };
    }),
  );
  const taken = new Map<string, number>();
  if (round === 2) {
    const now = ctx.clock.now();
    const held = await ctx.db
      .select({ section: applications.offerSection, state: applications.state, offerDeadline: applications.offerDeadline })
      .from(applications)
      .where(and(eq(applications.intakeId, intakeId), eq(applications.grade, grade), eq(applications.round, 1), inArray(applications.state, ["accepted", "enrolled", "offered"])));
    for (const h of held) if (h.section && (h.state !== "offered" || offerIsLive(h, now))) taken.set(h.section, (taken.get(h.section) ?? 0) + 1);
  }
  const programs = sectionsForGrade(catalogue, grade).map((s) => ({ id: s.id, label: s.name, seats: Math.max(0, s.seats - (taken.get(s.id) ?? 0)) }));
  return { programs, applicants, applicantIds };
}
