/**
 * API responses may carry personal data, so they are `no-store` unless a route opts into
 * caching by setting its own Cache-Control (public aggregates, published results).
 */
import type { MiddlewareHandler } from "hono";

export const noStoreByDefault: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
};
