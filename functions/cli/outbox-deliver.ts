/**
 * `npm run outbox:deliver [-- --limit 100]`: sends pending outbox messages once through the
 * configured transport and prints the counts. Opens the database as every operator command
 * does (cli-database.ts): the same configuration and secrets as the Node entry, and the keys
 * checked against the fingerprints the database keeps before anything is claimed, so keys
 * that cannot open the sealed recipients (a development secrets file against the Turso
 * database) are refused and burn no message's attempt. With the development log transport
 * nothing leaves the machine; see README "Notifications" for plugging in a real provider.
 */
import { systemClock } from "../deps";
import { createConsoleLogger } from "../platform/console-logger";
import { createLogMailer } from "../platform/log-mailer";
import { deliverOutbox } from "../services/outbox/deliver-outbox";
import { openCliDatabase, operatorError } from "./cli-database";

const args = process.argv.slice(2);
const limitAt = args.indexOf("--limit");
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 100;
if (!Number.isInteger(limit) || limit < 1) {
  console.error("--limit must be a positive whole number");
  process.exit(2);
}

let opened: Awaited<ReturnType<typeof openCliDatabase>>;
try {
  opened = await openCliDatabase(process.env);
} catch (error) {
  const message = operatorError(error);
  if (message === undefined) throw error;
  console.error(message);
  process.exit(1);
}
const { config, client, db } = opened;
const log = createConsoleLogger();
try {
  const result = await deliverOutbox({ ctx: { db, clock: systemClock, mailer: createLogMailer(log), log, config }, input: { limit } });
  console.log(`Outbox: ${result.sent} sent, ${result.failed} failed (given up).`);
} finally {
  client.close();
}
