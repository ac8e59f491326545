/**
 * Appends one event to a case's history, in the caller's transaction. The history is the
 * case's memory (a reopened case keeps everything); nothing updates or deletes events. Each
 * event then refreshes the queue's stored clock (./queue-clock), so call it after the verb's
 * own update of the case row (its status). `eventWhen` is the submission's event as one
 * statement of an atomic batch, written when `when` holds; that batch writes the new case's
 * clock with its row (`submittedQueueClock`).
 */
import { eq, type SQL } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { complaintEvents, complaints, COMPLAINT_EVENT_KINDS } from "../../../../db/schema";
import { insertSelect } from "../../../platform/insert-select";
import type { StaffPrincipal, Tx } from "../../context";
import { refreshQueueClock } from "./queue-clock";

export type EventInput = {
  kind: (typeof COMPLAINT_EVENT_KINDS)[number];
  visibility: "public" | "internal";
  /** Null when the filer acted. */
  actor: Pick<StaffPrincipal, "userId" | "role"> | null;
  text?: string | null;
  detail?: string | null;
};

export async function recordEvent(tx: Tx, complaintId: string, at: string, e: EventInput): Promise<void> {
  await tx.insert(complaintEvents).values(eventValues(complaintId, at, e));
  await refreshQueueClock(tx, complaintId, at);
  // "Information received" (the dashboard's count): set by the filer's addition, cleared by
  // the next staff step on the case (a reveal of the filer's identity is not a step).
  if (e.kind === "add_information") await tx.update(complaints).set({ informationReceivedAt: at }).where(eq(complaints.id, complaintId));
  else if (e.actor && e.kind !== "reveal_contact") await tx.update(complaints).set({ informationReceivedAt: null }).where(eq(complaints.id, complaintId));
}

export function eventWhen(db: Db, complaintId: string, at: string, e: EventInput, when: SQL) {
  return db.run(insertSelect(complaintEvents, eventValues(complaintId, at, e), when));
}

function eventValues(complaintId: string, at: string, e: EventInput): typeof complaintEvents.$inferInsert {
  return {
    complaintId,
    at,
    kind: e.kind,
    visibility: e.visibility,
    actorId: e.actor?.userId ?? null,
    actorRole: e.actor?.role ?? null,
    text: e.text ?? null,
    detail: e.detail ?? null,
  };
}
