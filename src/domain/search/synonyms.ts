/**
 * Schema of `content/search.yaml` (synonym groups and per-page keywords) and the query expansion the search page applies
 * (issue 18 item 2): a query that contains a word of a group is also searched with each
 * other word of that group in its place, so the words citizens use (举报, 择校费, 外来务工人员
 * 子女) find the pages written in the site's own words (投诉, 违规收费, 随迁子女). Pure, so the
 * browser script and the tests run the same function.
 */
import { z } from "../zod";

const Word = z.string().trim().min(1);

export const SearchVocabulary = z.strictObject({
  /** Each group: words with one meaning, the site's own word first; at least two words. */
  synonyms: z.array(z.array(Word).min(2, "每组至少要有两个词")).min(1),
  /** Page path (e.g. /complain/) → words it answers to but does not print; indexed hidden, at high weight. */
  keywords: z.record(z.string().regex(/^\/([a-z0-9-]+\/)*$/, "请填写以 / 开头和结尾的页面地址，例如 /complain/"), z.array(Word).min(1)),
});
export type SearchVocabulary = z.infer<typeof SearchVocabulary>;

/** At most this many searches per query, the original first: each costs a Pagefind lookup. */
export const MAX_VARIANTS = 12;

/** The query, then the query with a synonym in place of each group word it contains. */
export function expandQuery(query: string, groups: readonly (readonly string[])[]): string[] {
  const variants = [query];
  for (const group of groups) {
    // Longest first, so 进城务工人员子女 is replaced whole and not as 务工.
    const found = [...group].sort((a, b) => b.length - a.length).find((word) => query.includes(word));
    if (!found) continue;
    for (const other of group) {
      const variant = query.replace(found, other);
      if (!variants.includes(variant)) variants.push(variant);
    }
  }
  return variants.slice(0, MAX_VARIANTS);
}
