/**
 * Builds and starts the self-hosted server: the prerendered site and `/api/*` on one port,
 * on an embedded libSQL file (or any libsql:// / http:// URL; see platform/node-libsql-client
 * for why the file client queues its calls). The database is opened by open-database.ts
 * (no silent empty database in production, migrations, the key check); demo data is written
 * only into a database that was never seeded.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { z } from "zod";
import { seedDemoData } from "./cli/seed";
import { appRequestFor, createApp } from "./app";
import { parseConfig } from "./config";
import { systemClock, type AppDeps, type Logger } from "./deps";
import { createConsoleLogger } from "./platform/console-logger";
import { loadDevSecrets, type DevSecrets } from "./platform/dev-secrets";
import { keySources, openAppDatabase } from "./open-database";
import { nodeClientAddress } from "./platform/client-address";
import { createFileBlobStore } from "./platform/file-blob-store";
import { filePageShell } from "./platform/file-page-shell";
import { fieldKeysOf } from "./platform/field-crypto";
import { fileCatalogueSource } from "./platform/file-catalogue";
import { contentRoot } from "../src/content-data/district";
import { createLogMailer } from "./platform/log-mailer";
import { startOutboxTimer } from "./platform/outbox-timer";
import { createStaticSite } from "./static-site";

const NodeEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Where uploaded documents are kept: outside the web root. */
  UPLOAD_DIR: z.string().min(1).default("db/uploads"),
  /** The built site. */
  STATIC_DIR: z.string().min(1).default("dist/client"),
  /** Where a development installation keeps its generated secrets. */
  DEV_SECRETS_FILE: z.string().min(1).default("db/dev-secrets.json"),
  /** `1` to seed demo data into an empty database (the default outside production). */
  SEED_DEMO: z.enum(["0", "1"]).optional(),
  /** Seconds between outbox deliveries in this process; 0 leaves delivery to `npm run outbox:deliver`. */
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(15),
});

export type RunningServer = { url: string; port: number; seedLines: string[]; close(): Promise<void> };

export async function startNodeServer(env: Record<string, string | undefined>, log: Logger = createConsoleLogger()): Promise<RunningServer> {
  const nodeEnv = NodeEnv.parse(env);
  let devSecrets: DevSecrets | undefined;
  const config = parseConfig(env, () => (devSecrets = loadDevSecrets(nodeEnv.DEV_SECRETS_FILE, { create: true })).secrets);

  const { client, db } = await openAppDatabase(config, { sources: keySources(env, nodeEnv.DEV_SECRETS_FILE), keysGenerated: devSecrets?.generated });
  // Generated keys are kept only now that the database has accepted (and recorded) them.
  devSecrets?.persist();

  const seedDemo = (nodeEnv.SEED_DEMO ?? (config.env === "production" ? "0" : "1")) === "1";
  const catalogue = fileCatalogueSource(contentRoot());
  const enrolment = { keys: fieldKeysOf(config.secrets), catalogue: await catalogue.current() };
  const seed = seedDemo ? await seedDemoData(db, systemClock.now(), { authSecret: config.secrets.AUTH_SECRET, enrolment }) : { seeded: false, lines: [] };

  const deps: AppDeps = {
    db,
    blobs: createFileBlobStore(nodeEnv.UPLOAD_DIR),
    clock: systemClock,
    mailer: createLogMailer(log),
    log,
    config,
    clientAddress: nodeClientAddress(config.trustProxy),
    pageShell: filePageShell(nodeEnv.STATIC_DIR),
    catalogue,
  };
  const api = createApp(deps);
  const outbox = startOutboxTimer(deps, nodeEnv.OUTBOX_INTERVAL_SECONDS);
  const site = createStaticSite(nodeEnv.STATIC_DIR);

  const server = serve({
    // The API gets the Node bindings as its env, so getConnInfo can read the socket's address.
    fetch: (request, env) => {
      const forApp = appRequestFor(request);
      return forApp ? api.fetch(forApp, env) : site.fetch(request);
    },
    port: nodeEnv.PORT,
    hostname: nodeEnv.HOST,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://localhost:${port}`,
    port,
    seedLines: seed.lines,
    close: async () => {
      await outbox.stop();
      await new Promise<void>((resolve) => {
        server.close(() => {
          client.close();
          resolve();
        });
        // Keep-alive connections would hold close() open; end them.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    },
  };
}
