/**
 * The search page's only script: reads `?q=` (and `?type=`) from the address, queries the
 * Pagefind index (Chinese segmentation comes with Pagefind's Extended build) and lists the
 * results with their matching sections. Without JavaScript the form still submits and the
 * page points to the site map. Pagefind runs WebAssembly, which is why /search/ alone gets
 * 'wasm-unsafe-eval' in its CSP. The query is expanded with the synonym groups the page
 * carries (content/search.yaml, src/domain/search/synonyms.ts): each variant is
 * searched and a page's scores add up over the variants, the original wording slightly ahead.
 */
import { expandQuery } from "../domain/search/synonyms";

type SubResult = { title: string; url: string; excerpt: string };
type ResultData = { url: string; excerpt: string; meta: { title?: string }; filters: Record<string, string[]>; sub_results: SubResult[] };
type Pagefind = {
  options(options: { noWorker?: boolean }): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: Hit[] }>;
};
type Hit = { id: string; score: number; data(): Promise<ResultData> };

/** A variant's scores count slightly less than the words the reader typed. */
const VARIANT_WEIGHT = 0.9;

function synonymGroups(): string[][] {
  try {
    return JSON.parse(document.querySelector("#search-synonyms")?.textContent ?? "[]") as string[][];
  } catch {
    return [];
  }
}

/** Searches the query and each synonym variant; one hit per page, highest summed score first. */
async function searchExpanded(pagefind: Pagefind, term: string, filters: Record<string, string>): Promise<Hit[]> {
  const variants = expandQuery(term, synonymGroups());
  const searches = await Promise.all(variants.map((v) => pagefind.search(v, { filters })));
  const best = new Map<string, { hit: Hit; score: number }>();
  searches.forEach((s, i) => {
    for (const hit of s.results) {
      // Scores add up over the variants: a page about the topic uses several of its words, where
      // a short page that mentions one of them in passing would otherwise outrank it.
      const score = hit.score * (i === 0 ? 1 : VARIANT_WEIGHT);
      const seen = best.get(hit.id);
      best.set(hit.id, { hit: seen?.hit ?? hit, score: (seen?.score ?? 0) + score });
    }
  });
  return [...best.values()].sort((a, b) => b.score - a.score).map((b) => b.hit);
}

const MAX_RESULTS = 20;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Pagefind excerpts are the indexed text with matches wrapped in <mark>; keep only that markup. */
function excerpt(html: string): HTMLParagraphElement {
  const p = element("p", "search-excerpt");
  const parsed = new DOMParser().parseFromString(html, "text/html").body;
  for (const node of parsed.childNodes) {
    p.append(node.nodeName === "MARK" ? element("mark", undefined, node.textContent ?? "") : (node.textContent ?? ""));
  }
  return p;
}

function renderResult(data: ResultData): HTMLLIElement {
  const li = element("li", "search-result");
  const h3 = element("h3");
  const link = element("a", undefined, data.meta.title ?? data.url);
  link.href = data.url;
  h3.append(link);
  li.append(h3);
  const kind = data.filters["类型"]?.[0];
  if (kind) li.append(element("p", "page-kind", kind));
  li.append(excerpt(data.excerpt));
  const sections = data.sub_results.filter((s) => s.url !== data.url).slice(0, 3);
  if (sections.length > 0) {
    const ul = element("ul", "search-sections");
    for (const s of sections) {
      const item = element("li");
      const a = element("a", undefined, s.title);
      a.href = s.url;
      item.append(a, excerpt(s.excerpt));
      ul.append(item);
    }
    li.append(ul);
  }
  return li;
}

async function run(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const term = (params.get("q") ?? "").trim();
  const type = params.get("type") ?? "";
  const input = document.querySelector<HTMLInputElement>("#search-q");
  const select = document.querySelector<HTMLSelectElement>("#search-type");
  const status = document.querySelector<HTMLElement>("#search-status");
  const list = document.querySelector<HTMLOListElement>("#search-results");
  if (!input || !select || !status || !list) return;
  input.value = term;
  if ([...select.options].some((o) => o.value === type)) select.value = type;
  if (term === "") return;

  status.textContent = "正在搜索……";
  try {
    const url = "/pagefind/pagefind.js";
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    // In the page, not a Web Worker: a worker gets the CSP of its own script file, and only
    // this page's CSP allows WebAssembly. The index is small, so the main thread copes.
    await pagefind.options({ noWorker: true });
    const hits = await searchExpanded(pagefind, term, type ? { 类型: type } : {});
    const results = await Promise.all(hits.slice(0, MAX_RESULTS).map((r) => r.data()));
    list.replaceChildren(...results.map(renderResult));
    status.textContent =
      results.length === 0
        ? `没有找到与“${term}”有关的页面。请换一个词，或查看网站地图。`
        : `找到${hits.length}个与“${term}”有关的页面${hits.length > MAX_RESULTS ? `，下面列出前${MAX_RESULTS}个` : ""}。`;
    document.title = `“${term}”的搜索结果 - ${document.title.replace(/^.*? - /, "")}`;
  } catch {
    status.textContent = "搜索暂时无法使用。请稍后再试，或查看网站地图。";
  }
}

void run();
