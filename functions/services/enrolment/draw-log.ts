/**
 * `drawLog({ ctx, input: { catalogue } })`: the public draw log of the current intake. Per
 * grade and round, each ceremony: the frozen applicant set as published before the draw
 * (digest, seats, priorities and rules, pseudonymous applicants), the witnesses and their
 * commitments, and, once drawn, their revealed contributions and the seed; a re-draw with its
 * recorded reason. And every run, dry or official, with its seed and outcome digest. A public
 * verb: pseudonymous ids and witnesses' public roles only.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { allocationRuns, drawCeremonies, drawWitnesses } from "../../../db/schema";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import { WITNESS_ROLE_LABELS } from "../../../src/domain/enrolment/draw/commit-reveal";
import { RUN_KIND_LABELS, type DrawLogRun } from "../../../src/domain/enrolment/draw/draw-log";
import type { Round } from "../../../src/domain/enrolment/draw/round";
import type { ServiceCtx } from "../context";

export async function drawLog({ ctx, input: { catalogue } }: { ctx: Pick<ServiceCtx, "db">; input: { catalogue: Catalogue } }) {
  const intakeId = catalogue.intake.id;
  const [ceremonies, runs] = await Promise.all([
    ctx.db.select().from(drawCeremonies).where(eq(drawCeremonies.intakeId, intakeId)).orderBy(asc(drawCeremonies.openedAt)),
    ctx.db.select().from(allocationRuns).where(eq(allocationRuns.intakeId, intakeId)).orderBy(asc(allocationRuns.createdAt)),
  ]);
  const witnesses = ceremonies.length === 0 ? [] : await ctx.db.select().from(drawWitnesses).where(inArray(drawWitnesses.ceremonyId, ceremonies.map((c) => c.id))).orderBy(asc(drawWitnesses.position));
  return {
    format: "draw-log/1",
    intake: { id: intakeId, title: catalogue.intake.title },
    ceremonies: ceremonies.map((c) => ({
      id: c.id,
      grade: c.grade,
      round: c.round as Round,
      state: c.state,
      redrawReason: c.redrawReason,
      openedAt: c.openedAt,
      frozenAt: c.frozenAt,
      // Contributions are shown once the draw ran, so a late revealer learns nothing earlier.
      seed: c.seed,
      witnesses: witnesses
        .filter((w) => w.ceremonyId === c.id)
        .map((w) => ({ position: w.position, role: WITNESS_ROLE_LABELS[w.role], name: w.name, commitment: w.commitment, committedAt: w.committedAt, contribution: c.state === "drawn" ? w.contribution : null })),
      frozenSet: c.frozenSet ? (JSON.parse(c.frozenSet) as unknown) : null,
    })),
    runs: runs.map(
      (r): DrawLogRun & { ceremonyId: string | null } => ({
        runId: r.id,
        grade: r.grade,
        round: r.round as Round,
        kind: r.state,
        kindLabel: RUN_KIND_LABELS[r.state],
        seed: r.seed,
        inputDigest: (JSON.parse(r.published) as { inputDigest: string }).inputDigest,
        outcomeDigest: r.outcomeDigest,
        at: r.createdAt,
        ceremonyId: r.ceremonyId,
      }),
    ),
  };
}
