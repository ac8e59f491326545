/** The search vocabulary (content/search.yaml: synonyms, per-page keywords), read once per build. */
import { contentRoot } from "../content-data/district";
import { readSearchVocabulary } from "../content-data/search-vocabulary";
import type { SearchVocabulary } from "../domain/search/synonyms";

let cached: Promise<SearchVocabulary> | undefined;

export function getSearchVocabulary(): Promise<SearchVocabulary> {
  if (import.meta.env.DEV) return readSearchVocabulary(contentRoot());
  cached ??= readSearchVocabulary(contentRoot());
  return cached;
}
