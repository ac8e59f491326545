/**
 * Applies the committed drizzle-kit migrations (db/migrations) to a database. Node only:
 * the migrator reads the folder from disk. A Turso database behind the Worker is migrated
 * from a machine with `LIBSQL_URL=… LIBSQL_AUTH_TOKEN=… npm run db:migrate`.
 */
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Db } from "./client";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
