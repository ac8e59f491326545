/**
 * CSRF defence for the whole API (SECURITY.md item 3): a request that changes state
 * (POST, PUT, PATCH, DELETE) must come from the portal's own pages, judged by the browser's
 * `Sec-Fetch-Site` (same-origin only) or, from older browsers, by `Origin`; and it must be
 * JSON (or multipart where files are sent), which a cross-site HTML form cannot produce.
 * Requests with neither header are not from a browser and carry no ambient credentials.
 * A request with no body at all (sign-out, disable: the URL says everything) needs no type.
 *
 * The public forms also work without JavaScript, so a plain HTML form post
 * (`application/x-www-form-urlencoded`) is accepted too, but only with a positive
 * same-origin signal: `Sec-Fetch-Site: same-origin`, or (a browser that sends no
 * Sec-Fetch-Site) an `Origin` equal to this origin or the public origin. A cross-site page
 * can send that type without a preflight, so "no header at all" is not enough for it.
 * (The portal's `Referrer-Policy: no-referrer` makes browsers send `Origin: null` on form
 * posts; every browser that does so also sends Sec-Fetch-Site, which then decides.)
 */
import type { MiddlewareHandler } from "hono";
import { DomainError } from "../../src/domain/errors";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const ACCEPTED_TYPES = /^(application\/json|multipart\/form-data)\s*(;|$)/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

export const CROSS_SITE_MESSAGE = "请求来源不正确。请从本平台的页面提交。";

export function sameOriginWrites(publicOrigin: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const site = c.req.header("Sec-Fetch-Site");
    const origin = c.req.header("Origin");
    const allowed = new Set([new URL(c.req.url).origin, ...(publicOrigin ? [new URL(publicOrigin).origin] : [])]);
    const crossSite = site !== undefined ? site !== "same-origin" : origin !== undefined && !allowed.has(origin);
    if (crossSite) throw new DomainError("forbidden", CROSS_SITE_MESSAGE);
    const type = c.req.header("Content-Type") ?? "";
    if (FORM_TYPE.test(type)) {
      const provenSameOrigin = site === "same-origin" || (site === undefined && origin !== undefined && allowed.has(origin));
      if (!provenSameOrigin) throw new DomainError("forbidden", CROSS_SITE_MESSAGE);
      return next();
    }
    const bodiless = type === "" && !c.req.header("Transfer-Encoding") && (c.req.header("Content-Length") ?? "0") === "0";
    if (!bodiless && !ACCEPTED_TYPES.test(type)) {
      throw new DomainError("unsupported_media_type", "不支持这种提交格式，请以JSON提交。");
    }
    return next();
  };
}
