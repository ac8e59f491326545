/**
 * `createApp(deps)`: the whole dynamic side of the portal as one Hono app under `/api`.
 * It receives its database, blob store, clock, mailer, logger and config and reads no
 * environment, so the Node entry, the Worker entry and the tests all build it the same way.
 * Routes are chained so `AppType` types the browser client (`hc<AppType>`).
 */
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { DomainError } from "../src/domain/errors";
import type { AppEnv } from "./app-env";
import type { AppDeps } from "./deps";
import { errorResponse, handleError } from "./error-response";
import { noStoreByDefault } from "./middleware/no-store";
import { apiBodyLimit } from "./middleware/body-limit";
import { apiHeadersFor, securityHeaders } from "./middleware/security-headers";
import { sameOriginWrites } from "./middleware/same-origin-writes";
import { logStorageFaults } from "./middleware/storage-fault-log";
import { keyCheckFirst } from "./middleware/key-check";
import { healthRoutes } from "./routes/health";
import { complaintRoutes } from "./routes/complaints";
import { open311Routes } from "./routes/open311";
import { openApiRoutes } from "./routes/openapi";
import { staffRoutes } from "./routes/staff";
import { enrolmentRoutes } from "./routes/enrolment";

/** Requests under this prefix go to the Hono app; everything else is the static site. */
export const API_PREFIX = "/api";

export function isApiPath(pathname: string): boolean {
  return pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`);
}

/**
 * Public pages whose content lives in the database, rendered by the app into the site's shell
 * so they work without JavaScript: the entries send each to its API route. Nothing is
 * prerendered at these paths.
 */
export const APP_PAGES: Readonly<Record<string, string>> = {
  "/enrol/results/": `${API_PREFIX}/enrol/results/page`,
  "/enrol/draw-log/": `${API_PREFIX}/enrol/draw-log/page`,
};

/** The request the app answers (an API request, or an app page rewritten to its route), or null for the static site. */
export function appRequestFor(request: Request): Request | null {
  const url = new URL(request.url);
  if (isApiPath(url.pathname)) return request;
  const page = APP_PAGES[url.pathname] ?? APP_PAGES[`${url.pathname}/`];
  if (page === undefined || (request.method !== "GET" && request.method !== "HEAD")) return null;
  return new Request(new URL(page + url.search, url), request);
}

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
    .basePath(API_PREFIX)
    .use(requestId())
    // HTML answers to no-JS form posts (platform/page-shell) load the site's stylesheets: page CSP.
    .use(securityHeaders(apiHeadersFor))
    .use(noStoreByDefault)
    .use(async (c, next) => {
      c.set("deps", deps);
      await next();
    })
    .use(logStorageFaults)
    .use(keyCheckFirst(`${API_PREFIX}/health`))
    .use(sameOriginWrites(deps.config.publicOrigin))
    .use(apiBodyLimit())
    .route("/health", healthRoutes)
    .route("/staff", staffRoutes)
    .route("/enrol", enrolmentRoutes)
    .route("/complaints", complaintRoutes)
    .route("/open311", open311Routes)
    .route("/", openApiRoutes);

  app.notFound((c) => errorResponse(c, new DomainError("not_found", "没有这个接口。请检查请求地址。")));
  app.onError(handleError(deps.log));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
