/**
 * `insertSelect(table, values, when)`: an `INSERT INTO t (cols) SELECT values WHERE when`
 * statement, so a write inside one atomic libSQL batch can depend on an earlier statement of
 * the same batch through SQL (a condition, or a value read by a subquery) instead of a round
 * trip to JavaScript (issue 20 item 3). A value is either a plain JavaScript value, encoded
 * with its column's own driver mapping (booleans, JSON columns), or an `SQL` fragment such as
 * a subquery. Columns left out get their SQL default. The caller runs it with `db.run(…)`
 * inside `db.batch([...])`.
 */
import { getTableColumns, getTableName, is, SQL, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

export type SelectValues<T extends SQLiteTable> = { [K in keyof T["$inferInsert"]]?: T["$inferInsert"][K] | SQL };

export function insertSelect<T extends SQLiteTable>(table: T, values: SelectValues<T>, when: SQL): SQL {
  const columns = getTableColumns(table);
  const names: SQL[] = [];
  const selected: SQL[] = [];
  for (const [key, value] of Object.entries(values)) {
    const column = columns[key];
    if (!column) throw new Error(`insertSelect: ${getTableName(table)} has no column ${key}`);
    if (value === undefined) continue;
    names.push(sql`${sql.identifier(column.name)}`);
    selected.push(is(value, SQL) ? sql`(${value})` : sql`${sql.param(value, column)}`);
  }
  return sql`insert into ${sql.identifier(getTableName(table))} (${sql.join(names, sql`, `)}) select ${sql.join(selected, sql`, `)} where ${when}`;
}
