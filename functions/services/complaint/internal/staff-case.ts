/**
 * What the staff verbs on complaints share: loading a case the actor's scope covers, the case
 * as staff see it, and `caseChange`, the one shape of a verb that changes a case. Such a verb
 * checks the matrix first (staffVerb), loads the case, reads it again in its transaction,
 * asks the state machine for the next status, writes the change, the case event and the audit
 * row together and, when there is news for a named filer, queues it through the outbox in
 * that same transaction.
 */
import { eq } from "drizzle-orm";
import { complaints } from "../../../../db/schema";
import type { CaseEvent } from "../../../../src/domain/complaint/deadlines";
import { nextStatus, type ComplaintEvent } from "../../../../src/domain/complaint/states";
import { shanghaiDate } from "../../../../src/domain/complaint/time";
import { DomainError } from "../../../../src/domain/errors";
import { inScope, type StaffAction } from "../../../../src/domain/staff/permissions";
import { writeAudit } from "../../audit/internal/write-audit";
import { staffVerb, type Access } from "../../staff-verb";
import type { SecureCtx, StaffCtx, Tx } from "../../context";
import { attachmentsOf, eventsOf, historyOf, type ComplaintRow } from "./case-facts";
import { notifyFiler } from "./notify-filer";
import { recordEvent, type EventInput } from "./record-event";
import { staffDetail, type StaffDetail } from "./staff-view";

export const NO_SUCH_COMPLAINT = "找不到这件投诉。";

export type StaffSecureCtx = StaffCtx & SecureCtx;

/** A staff verb's input on one case: its id, and the body the route validated. */
export type CaseInput<B = unknown> = { id: string } & B;

/**
 * The case if the actor's scope covers it, else 404 (a department liaison touching another
 * department's case gets the same answer as for a case that does not exist, SECURITY.md item
 * 9). The refusal is audited on the outer database, so call it with `tx` only after a first
 * check outside the transaction (the audit row of a refusal must survive the rollback the 404
 * causes).
 */
export async function loadCase(db: StaffCtx["db"] | Tx, ctx: StaffCtx, access: Access, id: string, auditRefusal = true): Promise<ComplaintRow> {
  const { action, scope } = access;
  const row = await db.select().from(complaints).where(eq(complaints.id, id)).get();
  if (!row || !inScope(scope, ctx.actor.department, row.department)) {
    if (auditRefusal) {
      // Keyed by reference like every success, when the case exists (out of scope); else by the id asked for.
      await writeAudit(ctx.db, ctx, { action, outcome: "denied", actor: ctx.actor, objectType: "complaint", objectId: row?.reference ?? id.slice(0, 64), detail: "not_found_or_out_of_scope" });
    }
    throw new DomainError("not_found", NO_SUCH_COMPLAINT);
  }
  return row;
}

export async function detailOf(db: StaffCtx["db"] | Tx, row: ComplaintRow, now: Date): Promise<StaffDetail> {
  return staffDetail(row, await eventsOf(db, row.id), now, await attachmentsOf(db, row.id));
}

export type Change = {
  patch?: Partial<typeof complaints.$inferInsert>;
  event: Omit<EventInput, "actor" | "kind">;
  /** Tell a named filer, in these words. */
  notify?: string;
  auditDetail?: string;
};

export async function changeCase(
  ctx: StaffSecureCtx,
  access: Access,
  id: string,
  event: ComplaintEvent,
  decide: (tx: Tx, row: ComplaintRow, today: string, history: CaseEvent[]) => Promise<Change>,
): Promise<StaffDetail> {
  await loadCase(ctx.db, ctx, access, id);
  return ctx.db.transaction(async (tx) => {
    // Read again inside the transaction: the case may have moved since the check.
    const row = await loadCase(tx, ctx, access, id, false);
    const status = nextStatus(row.status, event);
    const now = ctx.clock.now();
    const at = now.toISOString();
    const today = shanghaiDate(now);
    const c = await decide(tx, row, today, await historyOf(tx, row.id));
    await tx.update(complaints).set({ status, ...c.patch, updatedAt: at }).where(eq(complaints.id, row.id));
    await recordEvent(tx, row.id, at, { kind: event, actor: ctx.actor, ...c.event });
    await writeAudit(tx, ctx, { action: `complaints.${event}`, outcome: "success", actor: ctx.actor, objectType: "complaint", objectId: row.reference, detail: c.auditDetail });
    if (c.notify) await notifyFiler(tx, ctx, row, c.notify);
    const updated = (await tx.select().from(complaints).where(eq(complaints.id, row.id)).get())!;
    return detailOf(tx, updated, now);
  });
}

/**
 * A staff verb that changes one case: `decide` says what changes, given the verb's input and
 * the case as read in the transaction. `event` is the case event (or picks it from the input).
 */
export function caseChange<B>(
  action: StaffAction,
  event: ComplaintEvent | ((input: CaseInput<B>) => ComplaintEvent),
  decide: (input: CaseInput<B>, tx: Tx, row: ComplaintRow, today: string, history: CaseEvent[]) => Promise<Change>,
) {
  return staffVerb(action, ({ ctx, input }: { ctx: StaffSecureCtx; input: CaseInput<B> }, access) =>
    changeCase(ctx, access, input.id, typeof event === "function" ? event(input) : event, (tx, row, today, history) => decide(input, tx, row, today, history)),
  );
}
