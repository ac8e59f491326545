/**
 * Cloudflare Worker entry (wrangler `main`). `/api/*` goes to the Hono app on Turso
 * (`@libsql/client/web`) with uploads in R2; every other request goes to Astro's handler,
 * which serves the prerendered pages from the assets binding. Config is parsed on the first
 * request and a bad configuration fails every API request closed, never half-open.
 */
import { handle } from "@astrojs/cloudflare/handler";
import type { ExecutionContext, R2Bucket } from "@cloudflare/workers-types";
import { createClient } from "@libsql/client/web";
import { createDb } from "../db/client";
import { appRequestFor, createApp } from "./app";
import { ConfigError, parseConfig } from "./config";
import { systemClock } from "./deps";
import type { ErrorBody } from "./error-response";
import { API_SECURITY_HEADERS } from "./middleware/security-headers";
import { workerClientAddress } from "./platform/client-address";
import { createConsoleLogger } from "./platform/console-logger";
import { createLogMailer } from "./platform/log-mailer";
import { assetsPageShell } from "./platform/page-shell";
import { assetsCatalogueSource } from "./platform/catalogue-source";
import { createR2BlobStore } from "./platform/r2-blob-store";

type WorkerEnv = Record<string, unknown> & { UPLOADS: R2Bucket; ASSETS: { fetch(request: Request): Promise<Response> } };

let app: ReturnType<typeof createApp> | undefined;

function apiFor(env: WorkerEnv) {
  if (app) return app;
  const config = parseConfig(env as Record<string, string | undefined>);
  const log = createConsoleLogger();
  app = createApp({
    db: createDb(createClient({ url: config.database.url, authToken: config.database.authToken })),
    blobs: createR2BlobStore(env.UPLOADS),
    clock: systemClock,
    mailer: createLogMailer(log),
    log,
    config,
    clientAddress: workerClientAddress,
    pageShell: assetsPageShell(env.ASSETS),
    catalogue: assetsCatalogueSource(env.ASSETS),
  });
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
};
