/**
 * `freezeApplicants({ ctx, input: { catalogue, grade } })`: freezes the applicant set of the
 * grade's current round for its official draw and publishes, before any seed exists, the
 * set's digest, the seats, the priorities and rules, and the witnesses' commitments. Refused
 * while the calendar forbids a draw (window open, applications undecided: the domain's
 * `intakePhase`; for the second round also while a first-round offer is still inside its
 * answer window, after the offers past their deadline have been lapsed here) and until at
 * least MIN_WITNESSES witnesses have committed.
 */
import { eq } from "drizzle-orm";
import { drawCeremonies } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import { inputDigest, LOTTERY_RULE_ZH } from "../../../src/domain/enrolment/allocation";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import { MIN_WITNESSES, WITNESS_ROLE_LABELS } from "../../../src/domain/enrolment/draw/commit-reveal";
import { DRAW_RULES_ZH, SEED_RULE_ZH } from "../../../src/domain/enrolment/draw/draw-log";
import { PLACEMENT_RULE_ZH } from "../../../src/domain/enrolment/draw/placement";
import type { Grade } from "../../../src/domain/enrolment/vocabulary";
import { writeAudit } from "../audit/internal/write-audit";
import type { SecureCtx, StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { drawMarket } from "./internal/draw-market";
import { gradePhase, latestCeremony, witnessesOf } from "./internal/draw-state";
import { lapseDueOffers } from "./internal/lapse-due-offers";

export const freezeApplicants = staffVerb(
  "allocation.publish",
  async ({ ctx, input: { catalogue, grade } }: { ctx: StaffCtx & SecureCtx; input: { catalogue: Catalogue; grade: Grade } }) => {
    // Offers past their deadline lapse first, so their seats are counted free and their
    // waitlists have moved before the phase decides whether any offer is still live.
    await lapseDueOffers(ctx, catalogue);
    const phase = await gradePhase(ctx, catalogue, grade);
    if (phase.drawRefusal) throw new DomainError("conflict", phase.drawRefusal);
    const ceremony = await latestCeremony(ctx.db, catalogue.intake.id, grade, phase.round);
    if (!ceremony || ceremony.state === "drawn") throw new DomainError("conflict", `还没有见证人登记承诺。冻结名单前至少需要${MIN_WITNESSES}位见证人登记承诺。`);
    if (ceremony.state === "frozen") throw new DomainError("conflict", "申请名单已经冻结。");
    const witnesses = await witnessesOf(ctx.db, ceremony.id);
    if (witnesses.length < MIN_WITNESSES) throw new DomainError("conflict", `已有${witnesses.length}位见证人登记承诺，冻结名单前至少需要${MIN_WITNESSES}位。`);
    const market = await drawMarket(ctx, catalogue, grade, phase.round);
    const frozenAt = ctx.clock.now().toISOString();
    const digest = inputDigest(market);
    const frozenSet = {
      format: "draw-frozen/1",
      intake: catalogue.intake.id,
      grade,
      round: phase.round,
      frozenAt,
      inputDigest: digest,
      rules: { priorities: DRAW_RULES_ZH, lottery: LOTTERY_RULE_ZH, seed: SEED_RULE_ZH, placement: PLACEMENT_RULE_ZH },
      witnesses: witnesses.map((w) => ({ position: w.position, role: WITNESS_ROLE_LABELS[w.role], name: w.name, commitment: w.commitment })),
      programs: market.programs,
      applicants: market.applicants,
    };
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(drawCeremonies)
        .set({ state: "frozen", frozenAt, frozenSet: JSON.stringify(frozenSet), applicantIds: JSON.stringify(market.applicantIds) })
        .where(eq(drawCeremonies.id, ceremony.id));
      await writeAudit(tx, ctx, { action: "draw.freeze", outcome: "success", actor: ctx.actor, objectType: "draw_ceremony", objectId: ceremony.id, detail: `grade:${grade};round:${phase.round};digest:${digest}` });
    });
    return { ceremonyId: ceremony.id, round: phase.round, inputDigest: digest, applicants: market.applicants.length, seats: market.programs.reduce((n, p) => n + p.seats, 0) };
  },
);
