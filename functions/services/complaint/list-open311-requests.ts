/**
 * `listOpen311Requests`: GeoReport v2 `requests`, read-only, over listed complaints only
 * (internal/public-cases: consenting and concluded; opaque ids; day-resolution dates), so the
 * list cannot undo the suppression of small counts. Filters as the spec gives them:
 * `service_request_id` (a comma list that overrides every other filter), `service_code` and
 * `status` (comma lists), and `start_date`/`end_date` on `requested_datetime` spanning at most
 * 90 days (the most recent 90 days by default; one end alone gives the 90 days from or to it);
 * at most 1,000 requests, newest day first.
 */
import { and, desc, asc, gte, inArray, lte } from "drizzle-orm";
import { complaints } from "../../../db/schema";
import { OPEN311_MAX_REQUESTS, type Open311Request, type Open311RequestsQuery } from "../../../src/domain/complaint/open311";
import { addDays, shanghaiDate } from "../../../src/domain/complaint/time";
import type { ServiceCtx } from "../context";
import { asOpen311Requests, open311StatusOf, open311Window } from "./internal/open311-requests";
import { listedCaseWhere, publicDateTime, publicIdOf } from "./internal/public-cases";

export async function listOpen311Requests({ ctx, input }: { ctx: ServiceCtx; input: Open311RequestsQuery }): Promise<Open311Request[]> {
  const now = ctx.clock.now();
  if (input.service_request_id) {
    const wanted = new Set(input.service_request_id);
    const rows = await ctx.db.select().from(complaints).where(listedCaseWhere).orderBy(desc(complaints.receivedOn), asc(complaints.id)).all();
    return asOpen311Requests(
      ctx.db,
      rows.filter((r) => wanted.has(publicIdOf(r.id))).slice(0, OPEN311_MAX_REQUESTS),
      now,
    );
  }
  const { from, to } = open311Window(input, now);
  const codes = input.service_code;
  const statuses = input.status ? new Set(input.status) : null;
  // A day is in range when its published instant (midnight Beijing time) is.
  const rows = await ctx.db
    .select()
    .from(complaints)
    .where(and(listedCaseWhere, gte(complaints.receivedOn, addDays(shanghaiDate(from), -1)), lte(complaints.receivedOn, shanghaiDate(to)), codes ? inArray(complaints.category, codes) : undefined))
    .orderBy(desc(complaints.receivedOn), asc(complaints.id))
    .all();
  const inRange = (day: string) => {
    const t = Date.parse(publicDateTime(day));
    return t >= from.getTime() && t <= to.getTime();
  };
  const picked = rows.filter((r) => inRange(r.receivedOn) && (!statuses || statuses.has(open311StatusOf(r)))).slice(0, OPEN311_MAX_REQUESTS);
  return asOpen311Requests(ctx.db, picked, now);
}
