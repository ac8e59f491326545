/**
 * CSRF defence for the whole API (SECURITY.md item 3): a request that changes state
 * (POST, PUT, PATCH, DELETE) must come from the portal's own pages, judged by the browser's
 * `Sec-Fetch-Site` (same-origin only) or, from older browsers, by `Origin`; and it must be
 * JSON (or multipart where files are sent), which a cross-site HTML form cannot produce.
 * Requests with neither header are not from a browser and carry no ambient credentials.
 * A request with no body at all (sign-out, disable: the URL says everything) needs no type.
 */
import type { MiddlewareHandler } from "hono";
import { DomainError } from "../../src/domain/errors";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const ACCEPTED_TYPES = /^(application\/json|multipart\/form-data)\s*(;|$)/i;

export function sameOriginWrites(publicOrigin: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const site = c.req.header("Sec-Fetch-Site");
    const origin = c.req.header("Origin");
    const allowed = new Set([new URL(c.req.url).origin, ...(publicOrigin ? [new URL(publicOrigin).origin] : [])]);
    const crossSite = site !== undefined ? site !== "same-origin" : origin !== undefined && !allowed.has(origin);
    if (crossSite) throw new DomainError("forbidden", "请求来源不正确。请从本平台的页面提交。");
    const type = c.req.header("Content-Type");
    const bodiless = type === undefined && !c.req.header("Transfer-Encoding") && (c.req.header("Content-Length") ?? "0") === "0";
    if (!bodiless && !ACCEPTED_TYPES.test(type ?? "")) {
      throw new DomainError("unsupported_media_type", "不支持这种提交格式，请以 JSON 提交。");
    }
    return next();
  };
}
