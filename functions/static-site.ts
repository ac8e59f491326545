/**
 * The Node entry's static server for the prerendered site (dist/client): security headers
 * on every file (SECURITY.md item 4; only the search page's CSP also allows wasm, for
 * Pagefind), long caching for Astro's hashed assets, revalidation for everything else,
 * gzip where the browser accepts it, and the site's own 404 page.
 * On Cloudflare the same job is done by the assets binding and `public/_headers`.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { securityHeaders, staticHeadersFor } from "./middleware/security-headers";

/** Files the build writes for Cloudflare's asset server; they are not part of the site. */
const PLATFORM_FILES = new Set(["/_headers", "/_redirects", "/.assetsignore"]);

export function createStaticSite(root: string) {
  const notFoundPage = readFile(path.join(root, "404.html"), "utf8").catch(() => "<h1>404</h1>");
  const app = new Hono();
  app.use(securityHeaders(staticHeadersFor));
  app.use(compress());
  app.use(async (c, next) => {
    if (PLATFORM_FILES.has(c.req.path)) return c.notFound();
    await next();
    if (c.res.status === 200 && !c.res.headers.has("Cache-Control")) {
      const hashed = c.req.path.startsWith("/_astro/");
      c.res.headers.set("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate");
    }
  });
  app.use(serveStatic({ root }));
  app.notFound(async (c) => c.html(await notFoundPage, 404));
  return app;
}
