/**
 * A staff queue's count, bounded (src/domain/staff/queue-count): how many rows of `table`
 * match `condition`, counted up to COUNT_CAP + 1 and no further, so the count of any filter
 * reads at most that many index entries. Returned as a query (not run) so the plan tests can
 * hold it to an index; `countedTotal` runs it and says what the number means.
 */
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../../../../db/client";
import { COUNT_CAP, queueTotal, type QueueTotal } from "../../../../src/domain/staff/queue-count";

export const boundedCount = (db: Db, table: SQLiteTable, condition: SQL | undefined) =>
  db
    .select({ counted: sql<number>`count(*)`.mapWith(Number) })
    .from(db.select({ one: sql`1`.as("one") }).from(table).where(condition).limit(COUNT_CAP + 1).as("matching"));

export async function countedTotal(count: PromiseLike<{ counted: number }[]>): Promise<QueueTotal> {
  const [{ counted }] = (await count) as [{ counted: number }];
  return queueTotal(counted);
}
