/**
 * `listComplaints`: the staff complaint queue (issue 19): the cases the actor may see,
 * filtered by status, category, department, school, due date (overdue, due today, due within
 * 3 days), "assigned to me" and a search (reference, the filer's phone through its blind
 * index, or words of staff-visible text), most
 * urgent first, one keyset page of QUEUE_PAGE_SIZE at a time (`after`, an opaque cursor; `next`
 * is null on the last page) with the total the filter matches (to COUNT_CAP, then "at least":
 * src/domain/staff/queue-count). A department liaison is held to its own department whatever it asks for, search included (fails closed without one).
 * A word search that matches many cases, or has under three characters, walks the queue's
 * index instead of FTS5 (internal/word-search.ts, word-walk.ts): at most WALK_EXAMINED cases a
 * page, and `examined` says when the page stopped there.
 * Each row carries its live clock, computed from the case's history; the read is audited.
 */
import { inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { complaints } from "../../../db/schema";
import { QUEUE_PAGE_SIZE, type ComplaintListQuery } from "../../../src/domain/complaint/schemas";
import { DomainError } from "../../../src/domain/errors";
import type { QueueTotal } from "../../../src/domain/staff/queue-count";
import { BAD_CURSOR, decodeCursor, encodeCursor, type QueueKey } from "../../../src/domain/staff/queue-cursor";
import { countedTotal } from "../staff/internal/bounded-count";
import { writeAudit } from "../audit/internal/write-audit";
import type { StaffSecureCtx } from "./internal/staff-case";
import { staffVerb } from "../staff-verb";
import { historiesOf } from "./internal/case-facts";
import { QUEUE_ORDER, queueCondition, queueCount, queuePageKeys, queueViewer, searchPath, type QueueFilter, type QueueViewer } from "./internal/complaint-queue";
import { walkPage, walkTotal } from "./internal/word-walk";
import { WALK_EXAMINED, searchWords } from "./internal/word-search";
import { searchPhoneIndex } from "./internal/phone-index";
import { staffSummary, type StaffSummary } from "./internal/staff-view";

/** `examined`: a word search's walk stopped after that many cases before the page was full (word-walk.ts). */
export type ComplaintPage = { complaints: StaffSummary[]; next: string | null; examined: number | null } & QueueTotal;

type Keys = { keys: { urgency: string; id: string }[]; stoppedAt: QueueKey | null; counted: QueueTotal };

/** A page and its bounded count under one WHERE (filters, search through FTS5 or a walk). */
async function queuePage(db: Db, condition: SQL | undefined, after: QueueKey | null): Promise<Keys> {
  const counted = await countedTotal(queueCount(db, condition));
  return { keys: await queuePageKeys(db, condition, after), stoppedAt: null, counted };
}

/** Words answered by a capped walk of the urgency index under the other filters (word-walk.ts). */
async function walkedSearch(db: Db, filter: QueueFilter, viewer: QueueViewer, after: QueueKey | null): Promise<Keys> {
  const base = queueCondition({ ...filter, q: undefined }, viewer);
  const { long, short } = searchWords(filter.q!);
  const words = short === null ? long : [short];
  const page = await walkPage(db, base, words, after);
  // A first page that was not full has walked what the count would: its matches are the count.
  if (!after && page.keys.length <= QUEUE_PAGE_SIZE) return { ...page, counted: { total: page.keys.length, atLeast: page.stoppedAt !== null } };
  return { ...page, counted: await walkTotal(db, base, words) };
}

/**
 * `input.walkFrom` (tests only: HTTP's strict schema has no such field) moves the point past which a word search walks the urgency index
 * instead of the FTS5 matches (word-search.ts), so a test can hold both ways to the same answer.
 */
export const listComplaints = staffVerb("complaints.read", async ({ ctx, input: query }: { ctx: StaffSecureCtx; input: ComplaintListQuery & { walkFrom?: number } }, { scope }): Promise<ComplaintPage> => {
  const after = query.after ? decodeCursor(query.after) : null;
  if (query.after && !after) throw new DomainError("validation", BAD_CURSOR, { fields: [{ path: "after", message: BAD_CURSOR }] });
  // Fails closed: a liaison without a department sees nothing.
  if (scope === "department" && !ctx.actor.department) return { complaints: [], total: 0, atLeast: false, next: null, examined: null };
  const now = ctx.clock.now();
  const { after: _cursor, walkFrom, ...filter } = query;
  const phoneIndex = await searchPhoneIndex(ctx.keys, filter.q);
  const viewer = queueViewer(ctx, scope, { now, phoneIndex });
  const path = await searchPath(ctx.db, filter.q, walkFrom);
  const { keys, stoppedAt, counted } = path === "fts" ? await queuePage(ctx.db, queueCondition(filter, viewer), after) : await walkedSearch(ctx.db, filter, viewer, after);
  const shown = keys.slice(0, QUEUE_PAGE_SIZE);
  const rows = shown.length ? await ctx.db.select().from(complaints).where(inArray(complaints.id, shown.map((k) => k.id))).orderBy(...QUEUE_ORDER).all() : [];
  const histories = await historiesOf(ctx.db, rows.map((r) => r.id));
  const last = shown.at(-1);
  const described = Object.entries(filter).map(([k, v]) => `${k}=${k === "q" ? "…" : v}`).join(",") || "all";
  await writeAudit(ctx.db, ctx, { action: "complaints.list", outcome: "success", actor: ctx.actor, objectType: "complaint", detail: `${described}${after ? " after" : ""}` });
  return {
    complaints: rows.map((r) => staffSummary(r, histories.get(r.id) ?? [], now)),
    ...counted,
    next: stoppedAt ? encodeCursor(stoppedAt) : keys.length > QUEUE_PAGE_SIZE && last ? encodeCursor([last.urgency, last.id]) : null,
    examined: stoppedAt ? WALK_EXAMINED : null,
  };
});
