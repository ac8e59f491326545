/**
 * The review queue's queries: its WHERE (the intake's submitted applications with the filters
 * asked for) and one page, newest submission first. Exported apart from the verb so a test can
 * hold their query plans to the queue indexes.
 */
import { and, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applications } from "../../../../db/schema";
import { PAGE_SIZE, REVIEW_DAYS, type ApplicationQuery } from "../../../../src/domain/enrolment/staff-schemas";
import { REVIEWABLE_STATES } from "../../../../src/domain/enrolment/states";

/** The WHERE of a review-queue query: the intake's submitted applications, with the filters asked for. */
export function applicationQueueCondition(intakeId: string, query: ApplicationQuery, now: Date): SQL | undefined {
  const where: SQL[] = [eq(applications.intakeId, intakeId), sql`${applications.state} <> 'draft'`];
  if (query.state) where.push(eq(applications.state, query.state));
  if (query.grade) where.push(eq(applications.grade, query.grade));
  if (query.area) where.push(eq(applications.areaId, query.area));
  if (query.preference) where.push(sql`exists (select 1 from json_each(${applications.preferences}) where value = ${query.preference})`);
  if (query.overdue) {
    where.push(inArray(applications.state, [...REVIEWABLE_STATES]));
    where.push(lt(applications.submittedAt, new Date(now.getTime() - REVIEW_DAYS * 86400 * 1000).toISOString()));
  }
  return and(...where);
}

/** One page, newest submission first, read in order off applications_queue_idx / applications_state_idx. */
export const applicationQueuePage = (db: Db, condition: SQL | undefined, page: number) =>
  db
    .select()
    .from(applications)
    .where(condition)
    .orderBy(desc(applications.submittedAt))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
