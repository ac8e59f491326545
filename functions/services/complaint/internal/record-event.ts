/**
 * Appends one event to a case's history, in the caller's transaction. The history is the
 * case's memory (a reopened case keeps everything); nothing updates or deletes events.
 * `eventWhen` is the same row as one statement of an atomic batch, written when `when` holds.
 */
import type { SQL } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { complaintEvents, COMPLAINT_EVENT_KINDS } from "../../../../db/schema";
import { insertSelect } from "../../../platform/insert-select";
import type { StaffPrincipal, Tx } from "../../context";

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
