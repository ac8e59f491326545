/**
 * Request body limits (SECURITY.md item 5) on top of hono's `bodyLimit`, which checks
 * Content-Length and, for chunked bodies without one, counts the bytes as they stream in.
 * The whole API gets `apiBodyLimit(DEFAULT_BODY_LIMIT)`; a route that takes files puts
 * `bodyLimitOf(bytes)` in its own chain, and the default then steps aside for that route
 * (it finds the marked middleware among the matched handlers), so one limit, not two
 * nested ones, applies. Over the limit: 413 with a Chinese message through the one onError.
 */
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { matchedRoutes } from "hono/route";
import { DomainError } from "../../src/domain/errors";

/** 64 KB: every JSON or form body without files fits easily. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;
export const TOO_LARGE_MESSAGE = "提交的内容太大，请减少内容或附件后重试。";

const RAISED = Symbol("bodyLimitBytes");
type Marked = MiddlewareHandler & { [RAISED]: number };

function limit(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new DomainError("payload_too_large", TOO_LARGE_MESSAGE);
    },
  });
}

/** A route's own limit (e.g. enrolment: 8 × 5 MB + 1 MB); it replaces the API default for that route. */
export function bodyLimitOf(maxBytes: number): MiddlewareHandler {
  return Object.assign(limit(maxBytes), { [RAISED]: maxBytes }) as Marked;
}

function routeLimit(c: Context): number | undefined {
  for (const route of matchedRoutes(c)) {
    const bytes = (route.handler as Partial<Marked>)[RAISED];
    if (bytes !== undefined) return bytes;
  }
  return undefined;
}

/** The API-wide default, skipped for routes that carry their own `bodyLimitOf`. */
export function apiBodyLimit(maxBytes: number = DEFAULT_BODY_LIMIT): MiddlewareHandler {
  const byDefault = limit(maxBytes);
  return async (c, next) => (routeLimit(c) !== undefined ? next() : byDefault(c, next));
}
