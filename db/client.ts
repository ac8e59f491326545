/**
 * Wraps a libSQL client in drizzle with the full schema. It takes a client and reads no
 * environment: the Node entry passes an embedded-file client, the Worker a Turso web client.
 * `drizzle-orm/libsql/web` is used for both because it only wraps the client it is given
 * and pulls no native module into the Worker bundle.
 */
import type { Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql/web";
import * as schema from "./schema";
import { transactionScopeOf } from "./transaction-scope";

export function createDb(client: Client) {
  const db = drizzle(client, { schema });
  // The Node file client marks each transaction's async context (see db/transaction-scope.ts).
  const scope = transactionScopeOf(client);
  if (scope) {
    const transaction = db.transaction.bind(db);
    db.transaction = ((run, config) => scope(() => transaction(run, config))) as typeof db.transaction;
  }
  return db;
}

export type Db = ReturnType<typeof createDb>;
