/**
 * `revealWitness({ ctx, input: { catalogue, grade, position, contribution } })`: at the draw,
 * a witness reveals the contribution behind its commitment. Only after the freeze; a reveal
 * whose SHA-256 is not the commitment is refused (and the refusal audited), so nobody can
 * change a contribution once the applicant set is fixed.
 */
import { and, eq, isNull } from "drizzle-orm";
import { drawWitnesses } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import { revealMatches } from "../../../src/domain/enrolment/draw/commit-reveal";
import type { RevealInput } from "../../../src/domain/enrolment/draw/staff-inputs";
import { writeAudit } from "../audit/internal/write-audit";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { gradePhase, latestCeremony, witnessesOf } from "./internal/draw-state";

export const revealWitness = staffVerb("allocation.run", async ({ ctx, input }: { ctx: StaffCtx; input: RevealInput & { catalogue: Catalogue } }) => {
  const { catalogue, grade, position, contribution } = input;
  const { round } = await gradePhase(ctx, catalogue, grade);
  const ceremony = await latestCeremony(ctx.db, catalogue.intake.id, grade, round);
  if (!ceremony || ceremony.state !== "frozen") throw new DomainError("conflict", "申请名单冻结之后才能揭示见证人的随机串。");
  const witness = (await witnessesOf(ctx.db, ceremony.id)).find((w) => w.position === position);
  if (!witness) throw new DomainError("not_found", `没有第${position}位见证人。`);
  if (witness.contribution !== null) throw new DomainError("conflict", `第${position}位见证人已经揭示过随机串。`);
  const audit = { actor: ctx.actor, objectType: "draw_ceremony", objectId: ceremony.id, detail: `grade:${grade};round:${round};position:${position}` };
  if (!revealMatches(witness.commitment, contribution)) {
    await writeAudit(ctx.db, ctx, { action: "draw.reveal", outcome: "failure", ...audit });
    throw new DomainError("conflict", `第${position}位见证人揭示的随机串与其登记的承诺值不符，不予接受。`);
  }
  await ctx.db.transaction(async (tx) => {
    const done = await tx
      .update(drawWitnesses)
      .set({ contribution, revealedAt: ctx.clock.now().toISOString() })
      .where(and(eq(drawWitnesses.id, witness.id), isNull(drawWitnesses.contribution)))
      .returning({ id: drawWitnesses.id });
    if (done.length === 0) throw new DomainError("conflict", `第${position}位见证人已经揭示过随机串。`);
    await writeAudit(tx, ctx, { action: "draw.reveal", outcome: "success", ...audit });
  });
  return { ceremonyId: ceremony.id, position };
});
