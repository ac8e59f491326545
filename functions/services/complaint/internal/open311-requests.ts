/**
 * The Open311 view of listed complaints (internal/public-cases), shared by the list and the
 * single-request verbs: loading listed rows, then each case as a GeoReport v2 request with
 * `expected_datetime` from the current clock's due date (the answer clock, or the acceptance
 * clock before acceptance; through `clocksOf` over the case's history, the one clock computation) and
 * `updated_datetime` from the case's last public event. Every date is day resolution.
 */
import { and, eq, inArray, max } from "drizzle-orm";
import { complaintEvents, complaints } from "../../../../db/schema";
import type { Db } from "../../../../db/client";
import { CATEGORY_INFO } from "../../../../src/domain/complaint/categories";
import { OPEN311_MAX_DAYS, type Open311Request, type Open311RequestsQuery } from "../../../../src/domain/complaint/open311";
import { DomainError } from "../../../../src/domain/errors";
import { OUTCOME_LABELS, STATUS_LABELS } from "../../../../src/domain/complaint/states";
import { shanghaiDate } from "../../../../src/domain/complaint/time";
import { DEPARTMENT_LABELS } from "../../../../src/domain/staff/departments";
import { clocksOf, historiesOf, type ComplaintRow } from "./case-facts";
import { publicDateTime, publicIdOf } from "./public-cases";

const CLOSED = new Set<string>(["answered", "closed", "not_accepted"]);

/** open while the case is being handled again (a review), closed once concluded. */
export const open311StatusOf = (r: Pick<ComplaintRow, "status">): "open" | "closed" => (CLOSED.has(r.status) ? "closed" : "open");

/** The end of a due date in Beijing time: work on the due date is on time. */
const endOfDay = (isoDate: string) => `${isoDate}T23:59:59+08:00`;

/** The clock histories and the last public event of each case, two queries for the whole page. */
async function extrasOf(db: Db, ids: string[]) {
  const lastPublic = new Map<string, string>();
  const histories = await historiesOf(db, ids);
  if (ids.length === 0) return { histories, lastPublic };
  const last = await db
    .select({ id: complaintEvents.complaintId, at: max(complaintEvents.at) })
    .from(complaintEvents)
    .where(and(inArray(complaintEvents.complaintId, ids), eq(complaintEvents.visibility, "public")))
    .groupBy(complaintEvents.complaintId)
    .all();
  for (const l of last) if (l.at) lastPublic.set(l.id, l.at);
  return { histories, lastPublic };
}

/** Listed rows as Open311 requests, in the order given. */
export async function asOpen311Requests(db: Db, rows: ComplaintRow[], now: Date): Promise<Open311Request[]> {
  const { histories, lastPublic } = await extrasOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const clocks = clocksOf(histories.get(r.id) ?? [], now);
    const at = lastPublic.get(r.id);
    return {
      service_request_id: publicIdOf(r.id),
      status: open311StatusOf(r),
      status_notes: r.publicSummary ?? (r.outcome ? OUTCOME_LABELS[r.outcome] : STATUS_LABELS[r.status]),
      service_name: CATEGORY_INFO[r.category].label,
      service_code: r.category,
      agency_responsible: DEPARTMENT_LABELS[r.department ?? CATEGORY_INFO[r.category].department],
      requested_datetime: publicDateTime(r.receivedOn),
      updated_datetime: publicDateTime(at ? shanghaiDate(at) : r.receivedOn),
      expected_datetime: endOfDay((clocks.answer ?? clocks.acceptance).due),
    };
  });
}

const DAY_MS = 86_400_000;

/** The requested range: both ends given (at most 90 days apart), one end (90 days from or to it), or the last 90 days. */
export function open311Window(q: Pick<Open311RequestsQuery, "start_date" | "end_date">, now: Date): { from: Date; to: Date } {
  const span = OPEN311_MAX_DAYS * DAY_MS;
  const start = q.start_date ? new Date(q.start_date) : null;
  const end = q.end_date ? new Date(q.end_date) : null;
  if (start && end) {
    if (end < start) throw new DomainError("validation", "end_date不能早于start_date。");
    if (end.getTime() - start.getTime() > span) throw new DomainError("validation", `start_date到end_date不能超过${OPEN311_MAX_DAYS}天。`);
    return { from: start, to: end };
  }
  if (start) return { from: start, to: new Date(start.getTime() + span) };
  if (end) return { from: new Date(end.getTime() - span), to: end };
  return { from: new Date(now.getTime() - span), to: now };
}

