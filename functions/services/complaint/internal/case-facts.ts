/**
 * Reading a case: its row, events and attachments, and the clocks computed from its history
 * (src/domain/complaint/deadlines `caseClocks`: the events that move a clock, in the order
 * they were recorded, each on its Shanghai date). Shared by the filer's tracking view, the
 * staff views and the verbs that fix a due date, so a due date is computed one way
 * everywhere.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { complaintAttachments, complaintEvents, complaints } from "../../../../db/schema";
import type { Db } from "../../../../db/client";
import { caseClocks, CLOCK_EVENT_KINDS, type CaseClocks, type CaseEvent, type ClockEventKind } from "../../../../src/domain/complaint/deadlines";
import { shanghaiDate } from "../../../../src/domain/complaint/time";
import type { Tx } from "../../context";

export type ComplaintRow = typeof complaints.$inferSelect;
export type EventRow = typeof complaintEvents.$inferSelect;
export type AttachmentRow = typeof complaintAttachments.$inferSelect;

export async function attachmentsOf(db: Db | Tx, complaintId: string): Promise<AttachmentRow[]> {
  return db.select().from(complaintAttachments).where(eq(complaintAttachments.complaintId, complaintId)).orderBy(asc(complaintAttachments.createdAt)).all();
}

const isClockKind = (kind: string): kind is ClockEventKind => (CLOCK_EVENT_KINDS as readonly string[]).includes(kind);

/** A case's clock history from its event rows (any order of rows in, recorded order out). */
export function historyFrom(events: readonly Pick<EventRow, "id" | "kind" | "at" | "detail">[]): CaseEvent[] {
  return [...events]
    .sort((a, b) => a.id - b.id)
    .flatMap((e) => (isClockKind(e.kind) ? [{ kind: e.kind, on: shanghaiDate(e.at), ...(e.kind === "extend" ? { days: Number(e.detail) || 0 } : {}) }] : []));
}

const clockColumns = { id: complaintEvents.id, complaintId: complaintEvents.complaintId, kind: complaintEvents.kind, at: complaintEvents.at, detail: complaintEvents.detail };

export async function historyOf(db: Db | Tx, complaintId: string): Promise<CaseEvent[]> {
  return historyFrom(await db.select(clockColumns).from(complaintEvents).where(and(eq(complaintEvents.complaintId, complaintId), inArray(complaintEvents.kind, [...CLOCK_EVENT_KINDS]))).all());
}

/** The histories of several cases in one query (the staff queue's page). */
export async function historiesOf(db: Db | Tx, complaintIds: string[]): Promise<Map<string, CaseEvent[]>> {
  const rows = complaintIds.length
    ? await db.select(clockColumns).from(complaintEvents).where(and(inArray(complaintEvents.complaintId, complaintIds), inArray(complaintEvents.kind, [...CLOCK_EVENT_KINDS]))).all()
    : [];
  return new Map(complaintIds.map((id) => [id, historyFrom(rows.filter((r) => r.complaintId === id))]));
}

export async function eventsOf(db: Db | Tx, complaintId: string): Promise<EventRow[]> {
  return db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaintId)).orderBy(asc(complaintEvents.id)).all();
}

/** A case's reference for audit rows, or the id as given (bounded) when there is no such case. */
export async function caseReferenceOf(db: Db | Tx, id: string): Promise<string> {
  const row = await db.select({ reference: complaints.reference }).from(complaints).where(eq(complaints.id, id)).get();
  return row?.reference ?? id.slice(0, 64);
}

export type Clocks = CaseClocks;

export function clocksOf(history: readonly CaseEvent[], now: Date): Clocks {
  return caseClocks(history, shanghaiDate(now));
}

export const todayOf = (now: Date) => shanghaiDate(now);
