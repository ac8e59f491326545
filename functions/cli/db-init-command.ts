/**
 * `npm run db:init`: the explicit first start of an installation. Creates the database file
 * (LIBSQL_URL), applies the migrations and records the fingerprints of the configured keys,
 * so the server (which in production refuses a missing database) can start on it. On an
 * existing database it changes nothing but pending migrations, after checking the keys.
 */
import path from "node:path";
import { localDatabaseFile } from "../open-database";
import { openCliDatabase, operatorError } from "./cli-database";

export async function runDbInit(env: Record<string, string | undefined>): Promise<{ code: number; lines: string[] }> {
  try {
    const { client, created, config } = await openCliDatabase(env, { init: true });
    client.close();
    const file = localDatabaseFile(config.database.url);
    const where = file ? path.resolve(file) : config.database.url.replace(/\/\/[^@]*@/, "//");
    return {
      code: 0,
      lines: created
        ? [`Created the database ${where}, applied the migrations and recorded the key fingerprints.`, "Start the server now (npm run serve:prod or the systemd unit)."]
        : [`The database ${where} already exists: keys checked, pending migrations applied; nothing else changed.`],
    };
  } catch (error) {
    const message = operatorError(error);
    if (message === undefined) throw error;
    return { code: 1, lines: [message] };
  }
}
