/**
 * `npm run outbox:deliver [-- --limit 100]`: sends pending outbox messages once through the
 * configured transport and prints the counts. Reads the same configuration and secrets as
 * the Node entry (DATA_KEY opens the sealed recipients). With the development log transport
 * nothing leaves the machine; see README "Notifications" for plugging in a real provider.
 */
import { createDb } from "../../db/client";
import { parseConfig } from "../config";
import { systemClock } from "../deps";
import { createConsoleLogger } from "../platform/console-logger";
import { loadDevSecrets } from "../platform/dev-secrets";
import { createLogMailer } from "../platform/log-mailer";
import { openNodeLibsqlClient } from "../platform/node-libsql-client";
import { deliverOutbox } from "../services/outbox/deliver-outbox";

const args = process.argv.slice(2);
const limitAt = args.indexOf("--limit");
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 100;
if (!Number.isInteger(limit) || limit < 1) {
  console.error("--limit must be a positive whole number");
  process.exit(2);
}

const config = parseConfig(process.env, () => loadDevSecrets(process.env.DEV_SECRETS_FILE ?? "db/dev-secrets.json", { create: false }).secrets);
const client = await openNodeLibsqlClient(config.database.url, config.database.authToken);
const log = createConsoleLogger();
try {
  const result = await deliverOutbox({
    ctx: { db: createDb(client), clock: systemClock, mailer: createLogMailer(log), log, config },
    input: { limit },
  });
  console.log(`Outbox: ${result.sent} sent, ${result.failed} failed (given up).`);
} finally {
  client.close();
}
