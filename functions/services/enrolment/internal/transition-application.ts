/**
 * The one way an application changes state after submission, for families and staff alike:
 * the state machine names the next state, the update is conditional on the state that was
 * read (so two people acting at once cannot both succeed), and the timeline entry and audit
 * row are written in the caller's transaction.
 */
import { and, eq } from "drizzle-orm";
import { applicationEvents, applications } from "../../../../db/schema";
import { DomainError } from "../../../../src/domain/errors";
import { transition, type ApplicationEvent, type ApplicationState } from "../../../../src/domain/enrolment/states";
import { writeAudit, type AuditEntry } from "../../audit/internal/write-audit";
import type { ServiceCtx, Tx } from "../../context";

export async function transitionApplication(
  tx: Tx,
  ctx: ServiceCtx,
  row: Pick<typeof applications.$inferSelect, "id" | "state">,
  event: ApplicationEvent,
  step: {
    /** The timeline entry the family sees. */
    message: string;
    auditAction: string;
    actor?: AuditEntry["actor"];
    /** What to say when someone else changed the application first. */
    conflictMessage: string;
    change?: Partial<typeof applications.$inferInsert>;
  },
): Promise<ApplicationState> {
  const to = transition(row.state, event);
  const at = ctx.clock.now().toISOString();
  const done = await tx
    .update(applications)
    .set({ ...step.change, state: to, updatedAt: at })
    .where(and(eq(applications.id, row.id), eq(applications.state, row.state)))
    .returning({ id: applications.id });
  if (done.length === 0) throw new DomainError("conflict", step.conflictMessage);
  await tx.insert(applicationEvents).values({ applicationId: row.id, at, event, toState: to, message: step.message });
  await writeAudit(tx, ctx, { action: step.auditAction, outcome: "success", actor: step.actor, objectType: "application", objectId: row.id, detail: to });
  return to;
}
