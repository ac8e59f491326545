/**
 * Splits a Markdown content file into its YAML front matter and body, keeping line numbers:
 * front-matter problems are shifted to the file's own lines, and the body knows the line it
 * starts on, so every error still names the right line.
 */
import { ContentError, type ContentProblem } from "./content-error";
import { readYaml, validateYaml } from "./yaml-file";
import type { z } from "zod";

export type MarkdownFile<T> = { data: T; body: string; bodyLine: number };

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export function parseMarkdown<S extends z.ZodType>(text: string, file: string, schema: S): MarkdownFile<z.output<S>> {
  const match = FENCE.exec(text);
  if (!match) throw new ContentError([{ file, line: 1, field: "（文件头）", message: "文件应以 --- 包围的YAML文件头开始" }]);
  const yaml = match[1] ?? "";
  const shift = (p: ContentProblem): ContentProblem => ({ ...p, line: p.line === null ? null : p.line + 1 });
  let data: z.output<S>;
  try {
    data = validateYaml(readYaml(yaml, file), schema);
  } catch (error) {
    if (error instanceof ContentError) throw new ContentError(error.problems.map(shift));
    throw error;
  }
  const bodyLine = match[0].split("\n").length;
  return { data, body: text.slice(match[0].length), bodyLine };
}

/** The line of the n-th (0-based) blank-line-separated paragraph of a body. */
export function paragraphLine(body: string, bodyLine: number, n: number): number {
  const lines = body.split("\n");
  let seen = -1;
  let inParagraph = false;
  for (let i = 0; i < lines.length; i++) {
    const blank = (lines[i] ?? "").trim() === "";
    if (!blank && !inParagraph && ++seen === n) return bodyLine + i;
    inParagraph = !blank;
  }
  return bodyLine;
}
