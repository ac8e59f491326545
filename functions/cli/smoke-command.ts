/**
 * `npm run smoke -- https://portal.example.gov.cn`: a read-only check of a deployed instance
 * (Cloudflare or Node), for after a deploy. GET requests only, nothing written: health (the
 * database and blob store answer), the security headers on a page and on the API, a few
 * prerendered pages, Open311 `services.json`, and the OpenAPI document (`/api/openapi.json`).
 * Every check prints one line (✓, ✗, or "missing" for a document this build does not
 * publish yet); the exit code is 1 when any check failed, 2 for a bad argument. An
 * unreachable host or a malformed answer is a failed check, never a crash.
 */
import { API_SECURITY_HEADERS, PAGE_SECURITY_HEADERS } from "../middleware/security-headers";

export const USAGE = "Usage: npm run smoke -- <https://… the deployed portal's origin>";

type Check = { name: string; path: string; run(res: Response): Promise<string | null | "missing"> };

const PAGES = ["/", "/policy/", "/complain/", "/complain/track/", "/enrol/"];

/** The headers in `expected` that `res` lacks or sends with another value, named. */
function headerProblems(res: Response, expected: Record<string, string>): string | null {
  const wrong = Object.entries(expected).filter(([name, value]) => res.headers.get(name) !== value);
  return wrong.length ? `headers differ: ${wrong.map(([name]) => name).join(", ")}` : null;
}

const json = async (res: Response): Promise<unknown> => {
  try {
    return await res.json();
  } catch {
    return undefined;
  }
};

const CHECKS: Check[] = [
  {
    name: "health",
    path: "/api/health",
    run: async (res) => {
      const body = (await json(res)) as { status?: string; problems?: string[] } | undefined;
      if (res.status === 200 && body?.status === "ok") return null;
      return `HTTP ${res.status}${body?.problems ? ` (${body.problems.join(", ")})` : ""}`;
    },
  },
  { name: "API security headers", path: "/api/health", run: async (res) => headerProblems(res, API_SECURITY_HEADERS) },
  ...PAGES.map(
    (path): Check => ({
      name: `page ${path}`,
      path,
      run: async (res) => (res.status !== 200 ? `HTTP ${res.status}` : (await res.text()).includes("<h1") ? headerProblems(res, PAGE_SECURITY_HEADERS) : "no <h1> in the page"),
    }),
  ),
  {
    name: "Open311 services.json",
    path: "/api/open311/v2/services.json",
    run: async (res) => {
      const body = await json(res);
      return res.status === 200 && Array.isArray(body) && body.length > 0 ? null : `HTTP ${res.status}, not a list of services`;
    },
  },
  {
    name: "OpenAPI document",
    path: "/api/openapi.json",
    run: async (res) => {
      if (res.status === 404) return "missing";
      const body = (await json(res)) as { openapi?: string } | undefined;
      return res.status === 200 && typeof body?.openapi === "string" ? null : `HTTP ${res.status}, not an OpenAPI document`;
    },
  },
];

export async function runSmoke(argv: string[], { timeoutMs = 15_000 } = {}): Promise<{ code: number; lines: string[] }> {
  const [target, ...rest] = argv.filter((a) => a !== "--");
  let origin: string;
  try {
    if (!target || rest.length > 0) throw new Error("one origin expected");
    const url = new URL(target);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("http(s) only");
    origin = url.origin;
  } catch {
    return { code: 2, lines: [USAGE] };
  }
  const lines = [`Smoke check of ${origin} (read-only)`];
  let failed = 0;
  for (const check of CHECKS) {
    let outcome: string | null | "missing";
    try {
      const res = await fetch(`${origin}${check.path}`, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
      outcome = await check.run(res);
    } catch (error) {
      outcome = `unreachable (${(error as Error).name})`;
    }
    if (outcome === null) lines.push(`  ✓ ${check.name}`);
    else if (outcome === "missing") lines.push(`  – ${check.name}: missing (${check.path} answers 404)`);
    else {
      failed++;
      lines.push(`  ✗ ${check.name}: ${outcome}`);
    }
  }
  lines.push(failed === 0 ? "All checks passed." : `${failed} check(s) failed.`);
  return { code: failed === 0 ? 0 : 1, lines };
}
