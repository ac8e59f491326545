/**
 * Reading a case: its row, events and pauses, and the clocks computed from them
 * (src/domain/complaint/deadlines). Shared by the filer's tracking view, the staff views and
 * the statistics, so a due date is computed one way everywhere.
 */
import { asc, eq } from "drizzle-orm";
import { complaintAttachments, complaintEvents, complaintPauses, complaints } from "../../../../db/schema";
import type { Db } from "../../../../db/client";
import { acceptanceClock, answerClock, type Clock, type ClockFacts, type Pause } from "../../../../src/domain/complaint/deadlines";
import { shanghaiDate } from "../../../../src/domain/complaint/time";
import type { Tx } from "../../context";

export type ComplaintRow = typeof complaints.$inferSelect;
export type EventRow = typeof complaintEvents.$inferSelect;
export type AttachmentRow = typeof complaintAttachments.$inferSelect;

export async function attachmentsOf(db: Db | Tx, complaintId: string): Promise<AttachmentRow[]> {
  return db.select().from(complaintAttachments).where(eq(complaintAttachments.complaintId, complaintId)).orderBy(asc(complaintAttachments.createdAt)).all();
}

export function clockFacts(row: ComplaintRow, pauses: readonly Pause[]): ClockFacts {
  return {
    receivedOn: row.receivedOn,
    decidedOn: row.decidedOn,
    acceptedOn: row.acceptedOn,
    answeredOn: row.answeredOn,
    extensionDays: row.extensionDays,
    reviewRequestedOn: row.reviewRequestedOn,
    pauses,
  };
}

export async function pausesOf(db: Db | Tx, complaintId: string): Promise<Pause[]> {
  const rows = await db.select().from(complaintPauses).where(eq(complaintPauses.complaintId, complaintId)).orderBy(asc(complaintPauses.id)).all();
  return rows.map((p) => ({ from: p.fromOn, to: p.toOn }));
}

export async function eventsOf(db: Db | Tx, complaintId: string): Promise<EventRow[]> {
  return db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaintId)).orderBy(asc(complaintEvents.id)).all();
}

export type Clocks = { acceptance: Clock; answer: Clock | null };

export function clocksOf(row: ComplaintRow, pauses: readonly Pause[], now: Date): Clocks {
  const facts = clockFacts(row, pauses);
  const today = shanghaiDate(now);
  return { acceptance: acceptanceClock(facts, today), answer: answerClock(facts, today) };
}

export const todayOf = (now: Date) => shanghaiDate(now);
