/**
 * Reads and validates `content/search.yaml` (synonym groups and per-page keywords),
 * naming the file and line of a problem; a word in two groups is refused, since the
 * expansion would then mix two meanings.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { SearchVocabulary } from "../domain/search/synonyms";
import { ContentError } from "./content-error";
import { problemAt, readYaml, validateYaml } from "./yaml-file";

export const SEARCH_FILE = "content/search.yaml";

export function parseSearchVocabulary(text: string): SearchVocabulary {
  const source = readYaml(text, SEARCH_FILE);
  const vocabulary = validateYaml(source, SearchVocabulary);
  const seen = new Map<string, number>();
  const problems = vocabulary.synonyms.flatMap((group, gi) =>
    group.flatMap((word, wi) => {
      const other = seen.get(word);
      seen.set(word, gi);
      return other === undefined ? [] : [problemAt(source, ["synonyms", gi, wi], `“${word}”已在第${other + 1}组出现，一个词只能属于一组`)];
    }),
  );
  if (problems.length > 0) throw new ContentError(problems);
  return vocabulary;
}

export async function readSearchVocabulary(root: string): Promise<SearchVocabulary> {
  return parseSearchVocabulary(await readFile(path.join(root, SEARCH_FILE), "utf8"));
}
