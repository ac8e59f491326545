/**
 * The security headers of SECURITY.md item 4, as two fixed maps: one for pages and static
 * files, one for the JSON API. The same page map is written in `public/_headers` for
 * Cloudflare's static assets; a unit test keeps the two identical.
 *
 * A plain map (rather than Hono's secureHeaders options) so the exact header lines can be
 * shared with `_headers` and checked, instead of being recomputed from options.
 */
import type { MiddlewareHandler } from "hono";

const COMMON = {
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
} as const;

const pageCsp = (scriptSrc: string) =>
  [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");

/** Pages and their assets: only same-origin scripts and styles, nothing inline, no framing. */
export const PAGE_SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": pageCsp("'self'"),
  ...COMMON,
};

/**
 * The search page runs Pagefind, which compiles WebAssembly: only there may scripts
 * instantiate wasm ('wasm-unsafe-eval', which allows no JavaScript eval). Every other page
 * keeps the strict policy.
 */
export const SEARCH_PAGE_SECURITY_HEADERS: Record<string, string> = {
  ...PAGE_SECURITY_HEADERS,
  "Content-Security-Policy": pageCsp("'self' 'wasm-unsafe-eval'"),
};

/**
 * Headers that some page paths add to (or replace in) PAGE_SECURITY_HEADERS, written the same
 * way in `public/_headers`: the search page's CSP, and `no-store` for the staff console's
 * shells (SECURITY.md item 4), so no cache or back button keeps one.
 */
export const PAGE_PATH_HEADERS: Record<string, Record<string, string>> = {
  "/search/*": { "Content-Security-Policy": SEARCH_PAGE_SECURITY_HEADERS["Content-Security-Policy"]! },
  "/staff/*": { "Cache-Control": "no-store" },
};

/** The extra headers for a request path (Cloudflare's `/prefix/*` matching, plus the bare `/prefix`). */
export function pathHeadersFor(pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [pattern, headers] of Object.entries(PAGE_PATH_HEADERS)) {
    const prefix = pattern.slice(0, -1);
    if (pathname.startsWith(prefix) || pathname === prefix.slice(0, -1)) Object.assign(out, headers);
  }
  return out;
}

/** Everything the Node static server sends for a path; `public/_headers` must give the same. */
export function staticHeadersFor(path: string): Record<string, string> {
  return { ...PAGE_SECURITY_HEADERS, ...pathHeadersFor(path) };
}

/** JSON responses load nothing, so the API denies everything. */
export const API_SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  ...COMMON,
};

/**
 * The API's choice: JSON and everything else get the deny-all API map; an HTML answer to a
 * no-JS form post (platform/page-shell) loads the site's stylesheets, so it gets the page map.
 */
export function apiHeadersFor(_path: string, res: Response): Record<string, string> {
  return /^text\/html\b/i.test(res.headers.get("Content-Type") ?? "") ? PAGE_SECURITY_HEADERS : API_SECURITY_HEADERS;
}

/**
 * Sets every header of `headers` (or of the map chosen for the path and response) on the
 * response, replacing what a handler set. One exception keeps a handler stricter, never looser:
 * a handler's CSP `sandbox` directive (file downloads, functions/services/uploads/internal/download-response.ts)
 * is kept in front of the chosen policy.
 */
export function securityHeaders(headers: Record<string, string> | ((path: string, res: Response) => Record<string, string>)): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const chosen = typeof headers === "function" ? headers(c.req.path, c.res) : headers;
    const sandboxed = /(^|;)\s*sandbox\s*(;|$)/.test(c.res.headers.get("Content-Security-Policy") ?? "");
    for (const [name, value] of Object.entries(chosen)) {
      c.res.headers.set(name, name === "Content-Security-Policy" && sandboxed ? `sandbox; ${value}` : value);
    }
  };
}
