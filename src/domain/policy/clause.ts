/**
 * Clause ids. Clause 二（一） of the policy is `2.1`, 五（三） is `5.3`; each has one anchor on
 * its chapter page (`/policy/2/#clause-2-1`) that indicators, commitments, complaint
 * categories and departments link to.
 */
import { z } from "../zod";

export const CHAPTER_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"] as const;

/** A clause id as written in content files, e.g. `4.2`. */
export const ClauseId = z.string().regex(/^[1-9]\.[1-9]$/, "条款编号的写法是“章.条”，例如4.2表示第四章第（二）条");
export type ClauseId = z.infer<typeof ClauseId>;

export const clauseAnchor = (id: string) => `clause-${id.replace(".", "-")}`;
export const chapterHref = (chapter: number) => `/policy/${chapter}/`;
export const clauseHref = (id: string) => `${chapterHref(Number(id.split(".")[0]))}#${clauseAnchor(id)}`;

/** The one way the site refers to a clause in its own words (docs/style.md): 第4.2条. */
export const clauseRef = (id: string) => `第${id}条`;

/** How the policy itself names a clause: 二（一）. For quoting the policy, not for references. */
export function clauseLabel(id: string): string {
  const [chapter, clause] = id.split(".").map(Number);
  return `${CHAPTER_NUMERALS[(chapter ?? 1) - 1]}（${CHAPTER_NUMERALS[(clause ?? 1) - 1]}）`;
}
