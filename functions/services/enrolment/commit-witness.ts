/**
 * `commitWitness({ ctx, input: { catalogue, grade, role, name, commitment, redrawReason } })`:
 * records one named witness's commitment (SHA-256 of a secret contribution) for the draw of
 * the grade's current round, before the applicant set freezes. The first commitment opens the
 * round's ceremony. Once the round has been drawn, a commitment opens a re-draw only with a
 * recorded reason (published beside the first draw); once its offers were sent, never.
 */
import { drawCeremonies, drawWitnesses } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import type { CommitInput } from "../../../src/domain/enrolment/draw/staff-inputs";
import { writeAudit } from "../audit/internal/write-audit";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { gradePhase, latestCeremony, witnessesOf } from "./internal/draw-state";

export const commitWitness = staffVerb("allocation.run", async ({ ctx, input }: { ctx: StaffCtx; input: CommitInput & { catalogue: Catalogue } }) => {
  const { catalogue, grade } = input;
  const intakeId = catalogue.intake.id;
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction(async (tx) => {
    const phase = await gradePhase(ctx, catalogue, grade, tx);
    const round = phase.round;
    if (phase.rounds[round].published) throw new DomainError("conflict", "本轮的抽签结果已经发布，不能再登记承诺或重新抽签。第二轮（补录）的承诺请在接受学位期限结束后登记。");
    let ceremony = await latestCeremony(tx, intakeId, grade, round);
    if (ceremony?.state === "frozen") throw new DomainError("conflict", "申请名单已经冻结，不能再登记见证人承诺。");
    if (ceremony?.state === "drawn") {
      if (!input.redrawReason || input.redrawReason.length < 4)
        throw new DomainError("validation", "本轮已经正式抽签。如需重新抽签，请写明理由（至少4个字），理由和两次抽签将一并公布。", {
          fields: [{ path: "redrawReason", message: "请写明重新抽签的理由（至少4个字）" }],
        });
    }
    if (!ceremony || ceremony.state === "drawn") {
      const id = crypto.randomUUID();
      await tx.insert(drawCeremonies).values({ id, intakeId, grade, round, state: "committing", redrawReason: ceremony ? input.redrawReason! : null, openedAt: now });
      ceremony = (await latestCeremony(tx, intakeId, grade, round))!;
    }
    const witnesses = await witnessesOf(tx, ceremony.id);
    if (witnesses.some((w) => w.commitment === input.commitment)) throw new DomainError("conflict", "这个承诺值已经登记过。每位见证人应使用各自不同的随机串。");
    const position = witnesses.length + 1;
    await tx.insert(drawWitnesses).values({ id: crypto.randomUUID(), ceremonyId: ceremony.id, position, role: input.role, name: input.name, commitment: input.commitment, committedAt: now });
    await writeAudit(tx, ctx, { action: "draw.commit", outcome: "success", actor: ctx.actor, objectType: "draw_ceremony", objectId: ceremony.id, detail: `grade:${grade};round:${round};position:${position}` });
    return { ceremonyId: ceremony.id, round, position };
  });
});
