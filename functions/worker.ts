/**
 * Cloudflare Worker entry (wrangler `main`). `/api/*` goes to the Hono app on Turso
 * (`@libsql/client/web`) with uploads in R2; every other request goes to Astro's handler,
 * which serves the prerendered pages from the assets binding. Config is parsed on the first
 * request and a bad configuration fails every API request closed, never half-open; the keys
 * are checked against the database before the first request uses it (worker-key-check.ts).
 * `scheduled()` runs the Cron Triggers' jobs on the same dependencies (worker-scheduled.ts).
 */
import { handle } from "@astrojs/cloudflare/handler";
import type { ExecutionContext, R2Bucket, ScheduledController } from "@cloudflare/workers-types";
import { createClient } from "@libsql/client/web";
import { createDb } from "../db/client";
import { appRequestFor, createApp } from "./app";
import { ConfigError, parseConfig } from "./config";
import { systemClock, type AppDeps } from "./deps";
import type { ErrorBody } from "./error-response";
import { API_SECURITY_HEADERS } from "./middleware/security-headers";
import { workerClientAddress } from "./platform/client-address";
import { createConsoleLogger } from "./platform/console-logger";
import { createLogMailer } from "./platform/log-mailer";
import { assetsPageShell } from "./platform/page-shell";
import { assetsCatalogueSource } from "./platform/catalogue-source";
import { createR2BlobStore } from "./platform/r2-blob-store";
import { workerKeyCheck } from "./worker-key-check";
import { runScheduled } from "./worker-scheduled";

type WorkerEnv = Record<string, unknown> & { UPLOADS: R2Bucket; ASSETS: { fetch(request: Request): Promise<Response> } };

let deps: AppDeps | undefined;
let app: ReturnType<typeof createApp> | undefined;

/** The app's dependencies, built once per isolate from the bindings (throws ConfigError). */
function depsFor(env: WorkerEnv): AppDeps {
  if (deps) return deps;
  const config = parseConfig(env as Record<string, string | undefined>);
  const log = createConsoleLogger();
  const db = createDb(createClient({ url: config.database.url, authToken: config.database.authToken }));
  deps = {
    db,
    blobs: createR2BlobStore(env.UPLOADS),
    clock: systemClock,
    mailer: createLogMailer(log),
    log,
    config,
    clientAddress: workerClientAddress,
    pageShell: assetsPageShell(env.ASSETS),
    catalogue: assetsCatalogueSource(env.ASSETS),
    keyCheck: workerKeyCheck(db, config, systemClock),
  };
  return deps;
}

function apiFor(env: WorkerEnv) {
  app ??= createApp(depsFor(env));
  return app;
}

/** A misconfigured deployment answers 503 in the API's own shape and says why only in the log. */
function misconfigured(error: ConfigError): Response {
  const requestId = crypto.randomUUID();
  console.error(JSON.stringify({ level: "error", event: "config.invalid", requestId, detail: error.message }));
  const body: ErrorBody = { code: "unavailable", message: "服务暂时不可用，请稍后再试。", requestId };
  return Response.json(body, {
    status: 503,
    headers: { ...API_SECURITY_HEADERS, "Cache-Control": "no-store", "Retry-After": "60", "X-Request-Id": requestId },
  });
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const forApp = appRequestFor(request);
    if (!forApp) return handle(request, env as never, ctx as never) as unknown as Response;
    try {
      return await apiFor(env).fetch(forApp, env, ctx);
    } catch (error) {
      if (error instanceof ConfigError) return misconfigured(error);
      throw error;
    }
  },
  /** Cron Triggers (wrangler.toml `[triggers]`): the outbox every minute, the retention purge daily (worker-scheduled.ts). */
  async scheduled(controller: ScheduledController, env: WorkerEnv): Promise<void> {
    // Awaited, not waitUntil: a failed job fails the invocation, which the Cron Trigger's log shows.
    await runScheduled(controller.cron, depsFor(env));
  },
};
