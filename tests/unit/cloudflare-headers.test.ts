import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PAGE_PATH_HEADERS, PAGE_SECURITY_HEADERS, pathHeadersFor } from "../../functions/middleware/security-headers";

/** Parses Cloudflare's `_headers` format: a path line, then indented `Name: value` lines. */
function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.set(line.trim(), (current = {}));
    else if (current) {
      const at = line.indexOf(":");
      current[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

describe("public/_headers for Cloudflare", () => {
  it("gives every static file exactly the headers the Node static server sends", () => {
    const rules = parseHeadersFile(readFileSync("public/_headers", "utf8"));
    expect(rules.get("/*")).toEqual(PAGE_SECURITY_HEADERS);
  });

  it("has the same per-path rules as the Node static server (staff console no-store)", () => {
    const rules = parseHeadersFile(readFileSync("public/_headers", "utf8"));
    rules.delete("/*");
    expect(Object.fromEntries(rules)).toEqual(PAGE_PATH_HEADERS);
    expect(pathHeadersFor("/staff/users/")).toEqual({ "Cache-Control": "no-store" });
    expect(pathHeadersFor("/staff")).toEqual({ "Cache-Control": "no-store" });
    expect(pathHeadersFor("/staffing/")).toEqual({});
  });

  it("has a CSP that forbids plugins, base changes, framing and inline scripts", () => {
    const csp = PAGE_SECURITY_HEADERS["Content-Security-Policy"] ?? "";
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});
