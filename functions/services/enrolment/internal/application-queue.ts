/**
 * The review queue's queries (issue 19): its WHERE (the intake's submitted applications with
 * the filters asked for), one keyset page of ids, and the count. The order is REVIEW_KEY
 * (db/schema/enrolment: what waits for a reviewer first, oldest submission first, then the
 * rest) and the id; a page starts strictly after the last (key, id) shown, so it is a walk of
 * PAGE_SIZE entries off one of the `applications_*review_idx` indexes at any depth. Those are
 * partial indexes of the queued applications (QUEUED in db/schema), so the bounded count reads
 * an index alone. Exported apart from the verbs so a test can hold the
 * query plans.
 */
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applications, QUEUED, REVIEW_KEY } from "../../../../db/schema";
import { boundedCount } from "../../staff/internal/bounded-count";
import { PAGE_SIZE, type ApplicationQuery } from "../../../../src/domain/enrolment/staff-schemas";
import type { QueueKey } from "../../../../src/domain/staff/queue-cursor";

export type ApplicationFilter = Omit<ApplicationQuery, "after">;

/** The WHERE of a review-queue query: the intake's submitted applications, with the filters asked for. */
export function applicationQueueCondition(intakeId: string, query: ApplicationFilter): SQL {
  const where: SQL[] = [eq(applications.intakeId, intakeId), QUEUED];
  if (query.state) where.push(eq(applications.state, query.state));
  if (query.grade) where.push(eq(applications.grade, query.grade));
  // Any preference or the offer: a filter on the index walk (preferences are a JSON list).
  if (query.school)
    where.push(sql`(${applications.offerSection} = ${query.school} OR exists (select 1 from json_each(${applications.preferences}) where value = ${query.school}))`);
  // A document pending review: the flag the triggers keep (migration 0017), on its own indexes.
  if (query.documents) where.push(eq(applications.documentsPending, true));
  if (query.q) where.push(eq(applications.reference, query.q.toUpperCase()));
  return and(...where)!;
}

/** The filter's count, bounded at COUNT_CAP + 1 (staff/internal/bounded-count). */
export const applicationQueueCount = (db: Db, condition: SQL) => boundedCount(db, applications, condition);

// A row value, which SQLite turns into one range on an index ending in (REVIEW_KEY, id).
const afterKey = ([key, id]: QueueKey) => sql`(${REVIEW_KEY}, ${applications.id}) > (${key}, ${id})`;

/** One page of rows (with their sort key), strictly after `after`, plus one more to tell whether a next page exists. */
export const applicationQueuePage = (db: Db, condition: SQL, after: QueueKey | null) =>
  db
    .select({ key: sql<string>`${REVIEW_KEY}`, row: applications })
    .from(applications)
    .where(and(condition, after ? afterKey(after) : undefined))
    .orderBy(REVIEW_KEY, asc(applications.id))
    .limit(PAGE_SIZE + 1);
