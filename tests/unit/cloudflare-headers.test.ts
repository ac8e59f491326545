import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  PAGE_PATH_HEADERS,
  PAGE_SECURITY_HEADERS,
  pathHeadersFor,
  SEARCH_PAGE_SECURITY_HEADERS,
  staticHeadersFor,
} from "../../functions/middleware/security-headers";

type Rule = { set: Record<string, string>; unset: string[] };

/** Parses Cloudflare's `_headers` format: a path line, then indented `Name: value` or `! Name` lines. */
function parseHeadersFile(text: string): Map<string, Rule> {
  const rules = new Map<string, Rule>();
  let current: Rule | undefined;
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.set(line.trim(), (current = { set: {}, unset: [] }));
    else if (current && line.trim().startsWith("!")) current.unset.push(line.trim().slice(1).trim());
    else if (current) {
      const at = line.indexOf(":");
      current.set[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

/** What Cloudflare sends for a path: matching rules applied in file order, `!` removing a header first. */
function headersFor(rules: Map<string, Rule>, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [pattern, rule] of rules) {
    const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
    if (!re.test(path)) continue;
    for (const name of rule.unset) delete out[name];
    for (const [name, value] of Object.entries(rule.set)) {
      // A header set by an earlier rule and not removed is joined with a comma.
      out[name] = name in out ? `${out[name]}, ${value}` : value;
    }
  }
  return out;
}

const rules = parseHeadersFile(readFileSync("public/_headers", "utf8"));

describe("public/_headers for Cloudflare", () => {
  it("gives every static file exactly the headers the Node static server sends", () => {
    for (const path of ["/", "/policy/2/", "/_astro/x.css", "/favicon.svg", "/pagefind/pagefind.js", "/search/", "/staff/", "/staff/users/"]) {
      expect(headersFor(rules, path), path).toEqual(staticHeadersFor(path));
    }
    for (const path of ["/", "/policy/2/", "/_astro/x.css", "/pagefind/pagefind.js"]) {
      expect(staticHeadersFor(path), path).toEqual(PAGE_SECURITY_HEADERS);
    }
  });

  it("gives the search page the same headers as the Node server: the page CSP plus wasm, nothing else", () => {
    expect(headersFor(rules, "/search/")).toEqual(SEARCH_PAGE_SECURITY_HEADERS);
    expect(staticHeadersFor("/search/")).toEqual(SEARCH_PAGE_SECURITY_HEADERS);
    expect(staticHeadersFor("/search")).toEqual(SEARCH_PAGE_SECURITY_HEADERS);
    const page = PAGE_SECURITY_HEADERS["Content-Security-Policy"];
    expect(SEARCH_PAGE_SECURITY_HEADERS["Content-Security-Policy"]).toBe(page?.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"));
    expect({ ...SEARCH_PAGE_SECURITY_HEADERS, "Content-Security-Policy": page }).toEqual(PAGE_SECURITY_HEADERS);
  });

  it("has the same per-path rules as the Node static server (staff console no-store)", () => {
    const extra = new Map([...rules].filter(([pattern]) => pattern in PAGE_PATH_HEADERS));
    expect(Object.fromEntries([...extra].map(([pattern, rule]) => [pattern, rule.set]))).toEqual(PAGE_PATH_HEADERS);
    expect(pathHeadersFor("/staff/users/")).toEqual({ "Cache-Control": "no-store" });
    expect(staticHeadersFor("/search/index.html")).toEqual(SEARCH_PAGE_SECURITY_HEADERS);
    expect(pathHeadersFor("/staff")).toEqual({ "Cache-Control": "no-store" });
    expect(pathHeadersFor("/staffing/")).toEqual({});
  });

  it("has a CSP that forbids plugins, base changes, framing and inline scripts", () => {
    for (const headers of [PAGE_SECURITY_HEADERS, SEARCH_PAGE_SECURITY_HEADERS]) {
      const csp = headers["Content-Security-Policy"] ?? "";
      for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src 'self'"]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    }
  });
});
