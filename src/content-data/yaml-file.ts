/**
 * Parses a YAML content file and validates it with a zod schema, mapping every problem
 * back to the line it sits on (the `yaml` library keeps source ranges for each node).
 */
import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { ContentError, type ContentProblem } from "./content-error";

export type YamlSource = { file: string; doc: Document; lines: LineCounter };

export function readYaml(text: string, file: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ContentError(
      doc.errors.map((e) => ({
        file,
        line: lines.linePos(e.pos[0]).line,
        field: "YAML语法",
        message: e.message.split("\n")[0] ?? e.message,
      })),
    );
  }
  return { file, doc, lines };
}

/** The line of the deepest node that exists along `path` (a missing key points at its parent). */
export function lineOf(source: YamlSource, path: readonly PropertyKey[]): number | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = source.doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return source.lines.linePos(node.range[0]).line;
  }
  return null;
}

export function problemAt(source: YamlSource, path: readonly PropertyKey[], message: string): ContentProblem {
  return { file: source.file, line: lineOf(source, path), field: path.map(String).join(".") || "（文件）", message };
}

export function validateYaml<S extends z.ZodType>(source: YamlSource, schema: S): z.output<S> {
  const result = schema.safeParse(source.doc.toJS());
  if (result.success) return result.data;
  throw new ContentError(result.error.issues.map((issue) => problemAt(source, issue.path, issue.message)));
}
