/**
 * The review queue's queries (issue 19): its WHERE (the intake's submitted applications with
 * the filters asked for), one keyset page of ids, and the count. The order is REVIEW_KEY
 * (db/schema/enrolment: what waits for a reviewer first, oldest submission first, then the
 * rest) and the id; a page starts strictly after the last (key, id) shown, so it is a walk of
 * PAGE_SIZE entries off one of the `applications_*review_idx` indexes at any depth (a school's,
 * off application_schools, which holds each school an application names with its key). Those
 * without a state are partial indexes of the queued applications (QUEUED in db/schema), so
 * the bounded count reads an index alone. Exported apart from the verbs so a test can hold
 * the query plans.
 */
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applicationSchools, applications, QUEUED, REVIEW_KEY } from "../../../../db/schema";
import { COUNT_CAP } from "../../../../src/domain/staff/queue-count";
import { boundedCount } from "../../staff/internal/bounded-count";
import { PAGE_SIZE, type ApplicationQuery } from "../../../../src/domain/enrolment/staff-schemas";
import type { QueueKey } from "../../../../src/domain/staff/queue-cursor";

export type ApplicationFilter = Omit<ApplicationQuery, "after">;

/**
 * A review-queue query: the intake, the school asked for (read off application_schools), and
 * the WHERE on the applications themselves (the queued ones, with the other filters asked for).
 */
export type ApplicationQueueQuery = { intakeId: string; school: string | null; where: SQL; filtered: boolean };

/** The review-queue query for an intake and the filters asked for. */
export function applicationQueueCondition(intakeId: string, query: ApplicationFilter): ApplicationQueueQuery {
  const where: SQL[] = [];
  if (query.state) where.push(eq(applications.state, query.state));
  if (query.grade) where.push(eq(applications.grade, query.grade));
  // A document pending review: the flag the triggers keep (migration 0017), on its own indexes.
  if (query.documents) where.push(eq(applications.documentsPending, true));
  if (query.q) where.push(eq(applications.reference, query.q.toUpperCase()));
  return { intakeId, school: query.school ?? null, where: and(eq(applications.intakeId, intakeId), QUEUED, ...where)!, filtered: where.length > 0 };
}

/** A school's rows of application_schools, in queue order (its primary key), joined to their applications. */
const schoolRows = (db: Db, q: ApplicationQueueQuery & { school: string }, extra?: SQL) =>
  db
    .select({ key: applicationSchools.reviewKey, row: applications })
    .from(applicationSchools)
    .innerJoin(applications, eq(applications.id, applicationSchools.applicationId))
    .where(and(eq(applicationSchools.intakeId, q.intakeId), eq(applicationSchools.sectionId, q.school), q.where, extra));

/**
 * The filter's count, bounded at COUNT_CAP + 1 (staff/internal/bounded-count). A school alone is
 * counted off application_schools without reading an application.
 */
export function applicationQueueCount(db: Db, q: ApplicationQueueQuery) {
  if (q.school === null) return boundedCount(db, applications, q.where);
  if (q.filtered) return db.select({ counted: sql<number>`count(*)`.mapWith(Number) }).from(schoolRows(db, { ...q, school: q.school }).limit(COUNT_CAP + 1).as("matching"));
  return boundedCount(db, applicationSchools, and(eq(applicationSchools.intakeId, q.intakeId), eq(applicationSchools.sectionId, q.school)));
}

/** One page of rows (with their sort key), strictly after `after`, plus one more to tell whether a next page exists. */
export function applicationQueuePage(db: Db, q: ApplicationQueueQuery, after: QueueKey | null) {
  if (q.school !== null) {
    // Row values, one range on application_schools' primary key (intake, school, key, id).
    const from = after ? sql`(${applicationSchools.reviewKey}, ${applicationSchools.applicationId}) > (${after[0]}, ${after[1]})` : undefined;
    return schoolRows(db, { ...q, school: q.school }, from).orderBy(applicationSchools.reviewKey, applicationSchools.applicationId).limit(PAGE_SIZE + 1);
  }
  // SQLite makes a range of a row value only over plain columns, not over an expression such
  // as REVIEW_KEY: `key >= k` is the range on the index; the rows of key k itself (a
  // submission time, so at most a few) are then taken past the id.
  const from = after ? sql`${REVIEW_KEY} >= ${after[0]} AND (${REVIEW_KEY} > ${after[0]} OR ${applications.id} > ${after[1]})` : undefined;
  return db
    .select({ key: sql<string>`${REVIEW_KEY}`, row: applications })
    .from(applications)
    .where(and(q.where, from))
    .orderBy(REVIEW_KEY, asc(applications.id))
    .limit(PAGE_SIZE + 1);
}
