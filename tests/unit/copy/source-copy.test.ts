/**
 * The style guide's "no space between Chinese text and an inline value" rule, applied to the
 * string literals in the server and browser sources rather than to rendered pages. The page
 * tests (tests/e2e/copy-style.test.ts and the app-rendered pages' api tests) only see copy
 * that reaches a page; SMS and e-mail texts, error messages and the console scripts' strings
 * never do. Each literal is read with the TypeScript parser, an interpolation counts as a
 * value ("0"), and the same rule as the page tests (tests/fixtures/copy-rules.ts) applies.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { RULES, findings } from "../../fixtures/copy-rules";

const ROOT = join(import.meta.dirname, "../../..");
const SOURCES = ["functions", "src"];
/** Three English words in a row: the literal is English prose, not Chinese copy. */
const ENGLISH_PROSE = /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) yield path;
  }
}

/** Every string literal's text in a file, an interpolation standing for a value. */
function literals(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) found.push(node.head.text + node.templateSpans.map((s) => `0${s.literal.text}`).join(""));
    ts.forEachChild(node, visit);
  };
  visit(file);
  // Text with no Chinese in it is not copy this rule is about (English messages, SQL, CSS), and
  // neither is English prose that names something Chinese (a log line, an OpenAPI summary).
  return found.filter((text) => /\p{Script=Han}/u.test(text) && !ENGLISH_PROSE.test(text));
}

describe("copy in source literals", () => {
  it("has no space between Chinese text and an inline value", () => {
    const pages = SOURCES.flatMap((dir) => [...sourceFiles(join(ROOT, dir))]).flatMap((path) =>
      literals(path).map((text) => ({ urlPath: relative(ROOT, path), text })),
    );
    expect(pages.length).toBeGreaterThan(500);
    const rule = "space between Chinese text and an inline value";
    expect(findings(rule, RULES[rule]!, pages)).toEqual([]);
  });
});
