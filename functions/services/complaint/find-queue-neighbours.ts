/**
 * `findQueueNeighbours`: the previous and next case of a queue (issue 19), for the case page's
 * 上一件/下一件: the case the actor opened (404 when its scope does not cover it, as for any
 * case), then the cases just before and after it in the queue's order under the same filters
 * and search the queue link carried, held to a liaison's department like the queue itself.
 */
import type { ComplaintListQuery } from "../../../src/domain/complaint/schemas";
import { shanghaiDate } from "../../../src/domain/complaint/time";
import type { StaffSecureCtx } from "./internal/staff-case";
import { staffVerb } from "../staff-verb";
import { queueCondition, queueNeighbours } from "./internal/complaint-queue";
import { searchPhoneIndex } from "./internal/phone-index";
import { loadCase } from "./internal/staff-case";

export type Neighbours = { previous: string | null; next: string | null };

export const findQueueNeighbours = staffVerb(
  "complaints.read",
  async ({ ctx, input }: { ctx: StaffSecureCtx; input: { id: string } & Omit<ComplaintListQuery, "after"> }, access): Promise<Neighbours> => {
    const { id, ...filter } = input;
    const row = await loadCase(ctx.db, ctx, access, id);
    const condition = queueCondition(filter, {
      heldTo: access.scope === "department" ? ctx.actor.department : null,
      userId: ctx.actor.userId,
      today: shanghaiDate(ctx.clock.now()),
      phoneIndex: await searchPhoneIndex(ctx.keys, filter.q),
    });
    return queueNeighbours(ctx.db, condition, [row.urgency, row.id]);
  },
);
