/**
 * The project's import graph, read from the source rather than from a bundler, so the
 * dependency-direction test (import-rules.test.ts) sees every arrow a reader sees:
 * `import type` and `export … from` count, dynamic imports with a literal specifier count,
 * and an `.astro` file counts through its frontmatter and its `<script>` blocks. Parsing uses
 * es-module-lexer (the lexer Vite uses), which reads TypeScript's import statements as they
 * are written. Paths are repository-relative with forward slashes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { init, parse } from "es-module-lexer";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** The folders whose code the rules speak about. */
export const SCANNED = ["src", "functions", "db", "bench", "tests", "scripts", "support"] as const;

const CODE = /\.(ts|mjs|astro)$/;

export type Import = {
  /** The importing file, e.g. `db/client.ts`. */
  from: string;
  line: number;
  /** The specifier as written. */
  specifier: string;
  /** A repository path for a relative import (resolved to the file when it exists), else the package name. */
  target: string;
  /** True for a bare specifier: an npm package or a `node:` built-in. */
  isPackage: boolean;
  /** `import type` / `export type`: erased at build, still an arrow between modules. */
  typeOnly: boolean;
};

function codeFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, encoding: "utf8" })
    .filter((rel) => CODE.test(rel) && !rel.split(path.sep).includes("node_modules"))
    .map((rel) => path.posix.join(dir, rel.split(path.sep).join("/")))
    .filter((file) => statSync(path.join(ROOT, file)).isFile())
    .sort();
}

/** The parts of an .astro file that hold imports, with every other line blanked so line numbers stay true. */
function astroCode(source: string): string {
  const keep = new Array<boolean>(source.length).fill(false);
  const mark = (start: number, end: number) => keep.fill(true, start, end);
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (front) mark(front.index + 3, front.index + 3 + front[1]!.length + 1);
  for (const script of source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = script.index + script[0].indexOf(">") + 1;
    mark(start, start + script[1]!.length);
  }
  return source
    .split("")
    .map((ch, i) => (keep[i] || ch === "\n" ? ch : " "))
    .join("");
}

function resolve(from: string, specifier: string): string {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [base, `${base}.ts`, `${base}.mjs`, `${base}/index.ts`];
  return candidates.find((c) => existsSync(path.join(ROOT, c)) && statSync(path.join(ROOT, c)).isFile()) ?? base;
}

function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

export async function readImportGraph(): Promise<{ files: string[]; imports: Import[] }> {
  await init;
  const files = SCANNED.flatMap(codeFiles);
  const imports: Import[] = [];
  for (const file of files) {
    const raw = readFileSync(path.join(ROOT, file), "utf8");
    const source = file.endsWith(".astro") ? astroCode(raw) : raw;
    const [found] = parse(source, file);
    for (const imp of found) {
      // A computed dynamic import (the Pagefind bundle, loaded at run time) names no module.
      if (imp.n === undefined) continue;
      const statement = source.slice(imp.ss, imp.se);
      const isPackage = !imp.n.startsWith(".");
      imports.push({
        from: file,
        line: source.slice(0, imp.ss).split("\n").length,
        specifier: imp.n,
        target: isPackage ? packageOf(imp.n) : resolve(file, imp.n),
        isPackage,
        typeOnly: /^(import|export)\s+type\b/.test(statement),
      });
    }
  }
  return { files, imports };
}

/** True when `file` is `folder` itself or lies inside it. */
export function isIn(file: string, folder: string): boolean {
  return file === folder || file.startsWith(`${folder}/`);
}
