/**
 * One chapter of the policy: the schema of a chapter file's front matter, and the parse of
 * its body into the heading, the paragraphs before the first clause, and the clauses. A
 * clause starts at a paragraph that opens with its marker, (一) … (十), and runs to the next
 * marker; its title is the marker's sentence (up to the first 。). Paragraph text is kept
 * exactly as written.
 */
import { z } from "../zod";
import { CHAPTER_NUMERALS } from "./clause";

/** Front matter of `content/policy/<n>.md`. */
export const ChapterFrontmatter = z.strictObject({
  /** The chapter number, 1 for 一; must equal the file name. */
  chapter: z.int().min(1).max(CHAPTER_NUMERALS.length),
  /** A few characters for the table of contents and navigation, e.g. 政府统筹. */
  short_title: z.string().min(2).max(12, "短标题不超过12个字"),
  /** One plain-language paragraph for readers who will not read the whole chapter. */
  summary: z.string().min(20, "请用一段通俗的话（至少20个字）概括这一章"),
});
export type ChapterFrontmatter = z.infer<typeof ChapterFrontmatter>;

export type Clause = { id: string; number: number; title: string; paragraphs: string[] };
export type ChapterBody = { heading: string; intro: string[]; clauses: Clause[] };
export type BodyProblem = { paragraph: number; message: string };

const MARKER = /^[(（]([一二三四五六七八九十])[)）]/;

export function splitParagraphs(body: string): string[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** Parses a chapter body; problems name the paragraph (0-based) so the reader can give a line. */
export function parseChapterBody(chapter: number, body: string): { value: ChapterBody; problems: BodyProblem[] } {
  const paragraphs = splitParagraphs(body);
  const problems: BodyProblem[] = [];
  const numeral = CHAPTER_NUMERALS[chapter - 1];
  const heading = paragraphs[0] ?? "";
  if (!heading.startsWith(`${numeral}、`)) {
    problems.push({ paragraph: 0, message: `正文第一段应是本章标题，以“${numeral}、”开头` });
  }
  const intro: string[] = [];
  const clauses: Clause[] = [];
  paragraphs.slice(1).forEach((text, i) => {
    const marker = MARKER.exec(text);
    if (marker) {
      const number = CHAPTER_NUMERALS.indexOf(marker[1] as (typeof CHAPTER_NUMERALS)[number]) + 1;
      if (number !== clauses.length + 1) {
        problems.push({ paragraph: i + 1, message: `条款序号应为（${CHAPTER_NUMERALS[clauses.length]}），这里是（${marker[1]}）` });
      }
      const title = text.slice(marker[0].length).split("。")[0] ?? "";
      clauses.push({ id: `${chapter}.${number}`, number, title, paragraphs: [text] });
    } else if (clauses.length > 0) {
      clauses.at(-1)?.paragraphs.push(text);
    } else {
      intro.push(text);
    }
  });
  return { value: { heading, intro, clauses }, problems };
}
