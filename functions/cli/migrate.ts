/**
 * `npm run db:migrate`: applies the committed migrations to the database in LIBSQL_URL
 * (default the embedded file db/local.db; a Turso URL with LIBSQL_AUTH_TOKEN for the Worker).
 */
import { createClient } from "@libsql/client";
import { createDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";

const url = process.env.LIBSQL_URL ?? "file:db/local.db";
const client = createClient({ url, authToken: process.env.LIBSQL_AUTH_TOKEN });
await migrateDatabase(createDb(client));
client.close();
console.log(`Migrations applied to ${url.replace(/\/\/[^@]*@/, "//")}`);
