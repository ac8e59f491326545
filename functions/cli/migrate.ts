/**
 * `npm run db:migrate`: applies the committed migrations to the database in LIBSQL_URL
 * (default the embedded file db/local.db; a Turso URL with LIBSQL_AUTH_TOKEN for the Worker).
 */
import { createDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { fillQueueClocks } from "../services/complaint/internal/queue-clock";
import { openNodeLibsqlClient } from "../platform/node-libsql-client";

const url = process.env.LIBSQL_URL ?? "file:db/local.db";
// Opened like the server opens it, so a migration waits for a running server's write lock.
const client = await openNodeLibsqlClient(url, process.env.LIBSQL_AUTH_TOKEN);
const db = createDb(client);
await migrateDatabase(db);
// Rows from before migration 0014 get their stored queue clock (services/complaint/internal/queue-clock).
await fillQueueClocks(db, new Date());
client.close();
console.log(`Migrations applied to ${url.replace(/\/\/[^@]*@/, "//")}`);
