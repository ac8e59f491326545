/**
 * The "raw libSQL inserts of the same rows" baseline of the submission scenarios. It reads
 * back the rows the portal stored during the load (every column, byte for byte: sealed
 * fields, hashes, references), opens a fresh file database with @libsql/client, applies the
 * same migrations (so the same tables, indexes and unique constraints) and the same file
 * settings the Node entry applies (FILE_DATABASE_PRAGMAS), then inserts the rows again: one
 * INSERT per row, each submission's rows in their own write transaction, as each request
 * commits its own, one after another on one connection (the Node entry queues its database
 * work the same way). Everything else a request does is left out on purpose: HTTP, parsing,
 * validation, encryption, rate limit, idempotency, references, events, audit, outbox.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { createClient, type InValue } from "@libsql/client";
import { createDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { FILE_DATABASE_PRAGMAS } from "../../functions/platform/node-libsql-client";

export type StoredRow = { table: string; values: Record<string, InValue> };

/** Rows of `sql` from the database file, as column → value. */
export async function readRows(dbFile: string, sql: string): Promise<Record<string, InValue>[]> {
  const client = createClient({ url: `file:${dbFile}` });
  try {
    const rs = await client.execute(sql);
    return rs.rows.map((row) => Object.fromEntries(rs.columns.map((c, i) => [c, row[i] as InValue])));
  } finally {
    client.close();
  }
}

export async function countRows(dbFile: string, sql: string): Promise<number> {
  const [row] = await readRows(dbFile, sql);
  return Number(Object.values(row ?? {})[0] ?? 0);
}

export type RawInsertFigures = { transactions: number; rows: number; seconds: number; rowsPerSecond: number; transactionsPerSecond: number };

/** Inserts each group (one submission's rows) in its own transaction into a fresh database. */
export async function rawInserts(scratch: string, groups: readonly StoredRow[][]): Promise<RawInsertFigures> {
  const dbFile = path.join(scratch, "raw-baseline.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbFile}${suffix}`, { force: true });
  const client = createClient({ url: `file:${dbFile}`, concurrency: 1 });
  try {
    await migrateDatabase(createDb(client));
    for (const pragma of FILE_DATABASE_PRAGMAS) await client.execute(pragma);
    const statements = groups.map((group) =>
      group.map(({ table, values }) => {
        const columns = Object.keys(values);
        return { sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`, args: columns.map((c) => values[c]!) };
      }),
    );
    const start = performance.now();
    for (const group of statements) {
      const tx = await client.transaction("write");
      try {
        for (const stmt of group) await tx.execute(stmt);
        await tx.commit();
      } finally {
        tx.close();
      }
    }
    const seconds = (performance.now() - start) / 1000;
    const rows = statements.reduce((n, g) => n + g.length, 0);
    return { transactions: groups.length, rows, seconds, rowsPerSecond: rows / seconds, transactionsPerSecond: groups.length / seconds };
  } finally {
    client.close();
  }
}
