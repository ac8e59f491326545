/**
 * `intakePhases({ ctx, input: { catalogue } })`: the phase of each grade of the current intake
 * (src/domain/enrolment/draw/phase.ts) as /enrol/ and the console show it, with the reason an
 * official draw would be refused now. A public verb: counts and dates only.
 */
import { GRADE_LABELS } from "../../../src/domain/enrolment/vocabulary";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import type { ServiceCtx } from "../context";
import { gradePhase } from "./internal/draw-state";

export async function intakePhases({ ctx, input: { catalogue } }: { ctx: Pick<ServiceCtx, "db" | "clock">; input: { catalogue: Catalogue } }) {
  const grades = await Promise.all(
    catalogue.intake.grades.map(async ({ grade }) => {
      const { phase, label, round, drawRefusal } = await gradePhase(ctx, catalogue, grade);
      return { grade, gradeLabel: GRADE_LABELS[grade], phase, label, round, drawRefusal };
    }),
  );
  return { intake: { id: catalogue.intake.id, title: catalogue.intake.title }, now: ctx.clock.now().toISOString(), grades };
}
