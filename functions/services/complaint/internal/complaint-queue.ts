/**
 * The staff complaint queue's queries: its WHERE (the filters asked for and a liaison's own
 * department), its count and one page's ids, oldest received first. They are answered from the
 * queue indexes (db/schema/complaint.ts), and exported apart from the verb so a test can hold
 * their query plans to that.
 */
import { and, asc, count, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { complaints } from "../../../../db/schema";
import { QUEUE_PAGE_SIZE, type ComplaintListQuery } from "../../../../src/domain/complaint/schemas";
import type { Department } from "../../../../src/domain/staff/departments";

/** Oldest received first (the order cases fall due); the id breaks ties so pages never overlap. */
export const QUEUE_ORDER = [asc(complaints.receivedAt), asc(complaints.id)] as const;

/** The WHERE of a queue query: the filters asked for, and a liaison's own department. */
export function queueCondition(query: Omit<ComplaintListQuery, "page">, heldTo: Department | null): SQL | undefined {
  const where: SQL[] = [];
  if (query.status) where.push(eq(complaints.status, query.status));
  if (query.category) where.push(eq(complaints.category, query.category));
  if (query.department) where.push(eq(complaints.department, query.department));
  if (heldTo) where.push(eq(complaints.department, heldTo));
  return where.length ? and(...where) : undefined;
}

export const queueCount = (db: Db, condition: SQL | undefined) => db.select({ total: count() }).from(complaints).where(condition);

/**
 * The page's ids alone, so OFFSET steps over entries of a queue index rather than whole
 * rows: a deep page costs little more than the first.
 */
export const queuePageIds = (db: Db, condition: SQL | undefined, page: number) =>
  db
    .select({ id: complaints.id })
    .from(complaints)
    .where(condition)
    .orderBy(...QUEUE_ORDER)
    .limit(QUEUE_PAGE_SIZE)
    .offset((page - 1) * QUEUE_PAGE_SIZE);
