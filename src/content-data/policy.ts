/**
 * Reads the policy: `content/policy/policy.yaml` (title, addressees) and one Markdown file
 * per chapter (`1.md` … `5.md`), validated against the chapter schema; the placeholders are
 * filled from site.yaml. Any problem fails the build naming the file, the line and the field.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "../domain/zod";
import { ChapterFrontmatter, parseChapterBody, type ChapterBody } from "../domain/policy/chapter";
import { fillText, unknownPlaceholders, type PolicyFill } from "../domain/policy/fill";
import { ContentError, type ContentProblem } from "./content-error";
import { paragraphLine, parseMarkdown } from "./front-matter";
import { readYaml, validateYaml } from "./yaml-file";

export const POLICY_DIR = "content/policy";

const PolicyMeta = z.strictObject({
  /** The policy's title as published. */
  title: z.string().min(4),
  /** The addressees line that opens the text (各乡镇、街道,区直各部门(单位):). */
  addressee: z.string().min(2),
});

export type Chapter = ChapterFrontmatter & ChapterBody & { file: string };
export type Policy = z.infer<typeof PolicyMeta> & { chapters: Chapter[] };

/** Validates the texts of the policy files (file name → text) and fills the redactions. */
export function parsePolicy(files: Record<string, string>, fill: PolicyFill): Policy {
  const problems: ContentProblem[] = [];
  const metaFile = `${POLICY_DIR}/policy.yaml`;
  let meta: z.infer<typeof PolicyMeta> | undefined;
  const collect = (f: () => void) => {
    try {
      f();
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
    }
  };
  collect(() => {
    meta = validateYaml(readYaml(files["policy.yaml"] ?? "", metaFile), PolicyMeta);
  });

  const chapters: Chapter[] = [];
  const names = Object.keys(files).filter((n) => n.endsWith(".md")).sort((a, b) => parseInt(a) - parseInt(b));
  names.forEach((name, index) => {
    const file = `${POLICY_DIR}/${name}`;
    collect(() => {
      const { data, body, bodyLine } = parseMarkdown(files[name] ?? "", file, ChapterFrontmatter);
      if (name !== `${data.chapter}.md`) problems.push({ file, line: 2, field: "chapter", message: `章号${data.chapter}与文件名不一致，文件应命名为${data.chapter}.md` });
      if (data.chapter !== index + 1) problems.push({ file, line: 2, field: "chapter", message: `缺少第${index + 1}章，章号应从1起连续` });
      const parsed = parseChapterBody(data.chapter, body);
      for (const p of parsed.problems) problems.push({ file, line: paragraphLine(body, bodyLine, p.paragraph), field: "正文", message: p.message });
      body.split("\n").forEach((line, i) => {
        for (const name of unknownPlaceholders(line)) {
          problems.push({ file, line: bodyLine + i, field: "正文", message: `不认识占位符 {{${name}}}，可用的见src/domain/policy/fill.ts` });
        }
      });
      const f = (t: string) => fillText(t, fill);
      const { heading, intro, clauses } = parsed.value;
      chapters.push({
        ...data,
        file,
        heading: f(heading),
        intro: intro.map(f),
        clauses: clauses.map((c) => ({ ...c, title: f(c.title), paragraphs: c.paragraphs.map(f) })),
      });
    });
  });
  if (names.length === 0) problems.push({ file: POLICY_DIR, line: null, field: "（目录）", message: "没有找到任何章节文件（1.md、2.md……）" });
  if (problems.length > 0 || !meta) throw new ContentError(problems);
  return { ...meta, chapters };
}

export async function readPolicy(root: string, fill: PolicyFill): Promise<Policy> {
  const dir = path.join(root, POLICY_DIR);
  const names = (await readdir(dir)).filter((n) => n === "policy.yaml" || /^\d+\.md$/.test(n));
  const texts = await Promise.all(names.map((n) => readFile(path.join(dir, n), "utf8")));
  return parsePolicy(Object.fromEntries(names.map((n, i) => [n, texts[i] ?? ""])), fill);
}

/** Every clause of the policy by id, for cross-checks and links. */
export function clauseIndex(policy: Policy): Map<string, Chapter["clauses"][number]> {
  return new Map(policy.chapters.flatMap((ch) => ch.clauses.map((c) => [c.id, c] as const)));
}
