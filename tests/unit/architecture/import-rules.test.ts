/**
 * Dependency directions, as docs/architecture.md states them: the rules are data (one row per
 * folder: which files it covers and which imports it may make), walked over every import in
 * the tree, so a new arrow that runs the wrong way fails here naming the file, the line and
 * the import, instead of surfacing later as a Worker bundle that pulls in Node or a test
 * fixture that ships. Services are also checked for import cycles, type imports included.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isIn, readImportGraph, ROOT, type Import } from "./import-graph";

type Rule = {
  /** What the rule says, in the words of docs/architecture.md. */
  rule: string;
  covers: (file: string) => boolean;
  allows: (imp: Import) => boolean;
};

/** The npm packages the pure domain uses; anything else (node:*, hono, drizzle) is I/O or transport. */
const DOMAIN_PACKAGES = ["zod", "@noble/hashes"];
/** What db/ needs to be the schema, the migrations and the client. */
const DB_PACKAGES = ["drizzle-orm", "drizzle-kit", "@libsql/client", "node:url"];
/** Browser and page code that functions/ must not reach into (it may use src/domain, src/content-data, src/lib, src/forms). */
const PAGE_SIDE = ["src/pages", "src/components", "src/layouts", "src/scripts", "src/styles"];

const into = (imp: Import, ...folders: string[]) => !imp.isPackage && folders.some((f) => isIn(imp.target, f));

const RULES: Rule[] = [
  {
    rule: "src/domain imports only src/domain, zod and @noble/hashes",
    covers: (f) => isIn(f, "src/domain"),
    allows: (imp) => (imp.isPackage ? DOMAIN_PACKAGES.includes(imp.target) : isIn(imp.target, "src/domain")),
  },
  {
    rule: "db/ imports only db/, src/domain (vocabularies) and its drizzle/libSQL packages",
    covers: (f) => isIn(f, "db"),
    allows: (imp) => (imp.isPackage ? DB_PACKAGES.includes(imp.target) : into(imp, "db", "src/domain")),
  },
  {
    rule: "nothing outside tests/ imports tests/",
    covers: (f) => !isIn(f, "tests"),
    allows: (imp) => !into(imp, "tests"),
  },
  {
    rule: "nothing outside bench/ and tests/ imports bench/",
    covers: (f) => !isIn(f, "bench") && !isIn(f, "tests"),
    allows: (imp) => !into(imp, "bench"),
  },
  {
    rule: "support/ imports only support/ and packages (it is shared by tests/ and bench/)",
    covers: (f) => isIn(f, "support"),
    allows: (imp) => imp.isPackage || isIn(imp.target, "support"),
  },
  {
    rule: "only support/ imports playwright-core at run time (elsewhere `import type`), so there is one browser launcher",
    covers: (f) => !isIn(f, "support"),
    allows: (imp) => imp.target !== "playwright-core" || imp.typeOnly,
  },
  {
    // The API's answers are its contract with the page side: the staff islands' typed client
    // (hc<AppType>) and the server-rendered forms (src/forms, which render the views the
    // verbs return) name them by type. `import type` is erased at build, so no server code
    // reaches the browser or the build.
    rule: "src/ imports only src/ (and, as types only, the API's AppType and the views src/forms renders)",
    covers: (f) => isIn(f, "src"),
    allows: (imp) =>
      imp.isPackage ||
      isIn(imp.target, "src") ||
      (imp.typeOnly && imp.target === "functions/app.ts") ||
      (imp.typeOnly && isIn(imp.from, "src/forms") && isIn(imp.target, "functions/services")),
  },
  {
    rule: "functions/ imports no page-side src/ (pages, components, layouts, scripts, styles), bench/, tests/, support/ or scripts/",
    covers: (f) => isIn(f, "functions"),
    allows: (imp) => !into(imp, ...PAGE_SIDE, "bench", "tests", "support", "scripts"),
  },
];

/**
 * Service module pairs allowed to import each other for now. Each one is a debt: the test
 * below fails once the cycle is gone, so the entry is deleted with the fix.
 */
const KNOWN_SERVICE_CYCLES: [string, string][] = [
];

const isKnownPair = (a: string, b: string) =>
  KNOWN_SERVICE_CYCLES.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

/** Every cycle's strongly connected component (Tarjan), each given as one closed path through it. */
function cyclesOf(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v)?.has(v)) components.push(component);
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((component) => closedPath(component, edges));
}

/** A shortest path from the component's first module back to itself, for a readable message. */
function closedPath(component: string[], edges: Map<string, Set<string>>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of edges.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
        return [...path, start];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

let imports: Import[] = [];
let files: string[] = [];
beforeAll(async () => {
  ({ imports, files } = await readImportGraph());
});

describe("dependency directions", () => {
  it("reads the whole tree (guards against a glob that silently matches nothing)", () => {
    for (const folder of ["src/domain", "src/pages", "functions/services", "db", "bench", "tests", "scripts", "support"])
      expect(files.some((f) => isIn(f, folder)), folder).toBe(true);
    expect(imports.some((i) => i.typeOnly)).toBe(true);
  });

  it("resolves every relative import to a file (a rule cannot judge an arrow to nowhere)", () => {
    const broken = imports.filter((i) => !i.isPackage && !existsSync(path.join(ROOT, i.target)));
    expect(broken.map((i) => `${i.from}:${i.line} imports "${i.specifier}"`)).toEqual([]);
  });

  it.each(RULES.map((r) => [r.rule, r] as const))("%s", (_, rule) => {
    const violations = imports
      .filter((imp) => rule.covers(imp.from) && !rule.allows(imp))
      .map((imp) => `${imp.from}:${imp.line} imports "${imp.specifier}"${imp.isPackage ? "" : ` (${imp.target})`}`);
    expect(violations, `${rule.rule}; offending imports:\n${violations.join("\n")}`).toEqual([]);
  });
});

describe("functions/services", () => {
  const serviceEdges = (skipKnown: boolean) => {
    const edges = new Map<string, Set<string>>();
    for (const imp of imports) {
      if (!isIn(imp.from, "functions/services") || !into(imp, "functions/services")) continue;
      if (skipKnown && isKnownPair(imp.from, imp.target)) continue;
      if (!edges.has(imp.from)) edges.set(imp.from, new Set());
      edges.get(imp.from)!.add(imp.target);
    }
    return edges;
  };

  it("have no import cycles, type imports included", () => {
    const cycles = cyclesOf(serviceEdges(true)).map((cycle) => cycle.join(" → "));
    expect(cycles, `import cycles among services:\n${cycles.join("\n")}`).toEqual([]);
  });

  it("list as known cycles only pairs that still import each other (delete an entry once its cycle is broken)", () => {
    const edges = serviceEdges(false);
    const stale = KNOWN_SERVICE_CYCLES.filter(([a, b]) => !(edges.get(a)?.has(b) && edges.get(b)?.has(a)));
    expect(stale.map(([a, b]) => `${a} ↔ ${b}`)).toEqual([]);
  });
});
