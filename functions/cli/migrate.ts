/**
 * `npm run db:migrate`: applies the committed migrations to the database in LIBSQL_URL
 * (default the embedded file db/local.db; a Turso URL with LIBSQL_AUTH_TOKEN for the Worker).
 */
import { createDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { openNodeLibsqlClient } from "../platform/node-libsql-client";

const url = process.env.LIBSQL_URL ?? "file:db/local.db";
// Opened like the server opens it, so a migration waits for a running server's write lock.
const client = await openNodeLibsqlClient(url, process.env.LIBSQL_AUTH_TOKEN);
await migrateDatabase(createDb(client));
client.close();
console.log(`Migrations applied to ${url.replace(/\/\/[^@]*@/, "//")}`);
