/**
 * `findQueueNeighbours`: the previous and next case of a queue (issue 19), for the case page's
 * 上一件/下一件: the case the actor opened (404 when its scope does not cover it, as for any
 * case), then the cases just before and after it in the queue's order under the same filters
 * and search the queue link carried, held to a liaison's department like the queue itself.
 * "It" is the case's place in the queue when the clerk opened it: `at`, the keyset cursor of
 * its key then (the first answer, without `at`, gives it for the page to keep), so after an
 * action moves the case (a new due date, or out of a `status=submitted` queue) 下一件 is
 * still the case that followed it. The case itself is never its own neighbour. A word search
 * takes the queue's own way (FTS5, or a walk for a common word: word-search.ts).
 */
import { and, ne } from "drizzle-orm";
import { complaints } from "../../../db/schema";
import type { ComplaintListQuery } from "../../../src/domain/complaint/schemas";
import { DomainError } from "../../../src/domain/errors";
import { BAD_CURSOR, decodeCursor, encodeCursor } from "../../../src/domain/staff/queue-cursor";
import type { StaffSecureCtx } from "./internal/staff-case";
import { staffVerb } from "../staff-verb";
import { queueCondition, queueNeighbours, queueViewer, searchPath } from "./internal/complaint-queue";
import { searchPhoneIndex } from "./internal/phone-index";
import { loadCase } from "./internal/staff-case";

export type Neighbours = { previous: string | null; next: string | null; at: string };

export const findQueueNeighbours = staffVerb(
  "complaints.read",
  async ({ ctx, input }: { ctx: StaffSecureCtx; input: { id: string; at?: string | undefined } & Omit<ComplaintListQuery, "after"> }, access): Promise<Neighbours> => {
    const { id, at, ...filter } = input;
    const opened = at ? decodeCursor(at) : null;
    if (at && !opened) throw new DomainError("validation", BAD_CURSOR, { fields: [{ path: "at", message: BAD_CURSOR }] });
    const row = await loadCase(ctx.db, ctx, access, id);
    const key = opened ?? ([row.urgency, row.id] as const);
    const viewer = queueViewer(ctx, access.scope, { phoneIndex: await searchPhoneIndex(ctx.keys, filter.q) });
    const condition = queueCondition(filter, viewer, await searchPath(ctx.db, filter.q));
    return { ...(await queueNeighbours(ctx.db, and(condition, ne(complaints.id, row.id)), key)), at: encodeCursor(key) };
  },
);
