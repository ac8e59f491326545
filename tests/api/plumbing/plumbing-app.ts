/**
 * A small Hono app built from the API's own middleware, onError and deps (a real temp
 * database), with test routes a feature would add: a JSON/form write, an upload route that
 * raises the body limit, a rate-limited route, an HTML answer through the page shell.
 */
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import type { AppEnv } from "../../../functions/app-env";
import type { AppDeps } from "../../../functions/deps";
import { handleError } from "../../../functions/error-response";
import { apiBodyLimit, bodyLimitOf } from "../../../functions/middleware/body-limit";
import { rateLimit } from "../../../functions/middleware/rate-limit";
import { sameOriginWrites } from "../../../functions/middleware/same-origin-writes";
import { apiHeadersFor, securityHeaders } from "../../../functions/middleware/security-headers";
import { noStoreByDefault } from "../../../functions/middleware/no-store";

export function plumbingApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
    .use(requestId())
    .use(securityHeaders(apiHeadersFor))
    .use(noStoreByDefault)
    .use(async (c, next) => {
      c.set("deps", deps);
      await next();
    })
    .use(sameOriginWrites(deps.config.publicOrigin))
    .use(apiBodyLimit())
    .post("/write", async (c) => c.json({ bytes: (await c.req.arrayBuffer()).byteLength }))
    .post("/upload", bodyLimitOf(300 * 1024), async (c) => c.json({ bytes: (await c.req.arrayBuffer()).byteLength }))
    .post("/limited", rateLimit({ bucket: "test-limited", limit: 10, windowSeconds: 3600 }), async (c) => c.json({ ok: true }))
    .get("/page", async (c) => deps.pageShell.render({ title: "测试页", main: "<h1>测试</h1>", status: 200 }));
  app.onError(handleError(deps.log));
  return app;
}
