/**
 * Which pages outside ContentLayout the search indexes (issue 18 item 2; DESIGN.md
 * convention 8): the public service pages a citizen looks for (what to apply for, how to
 * complain, how to track), the school list, the district balance page and the home page.
 * BaseLayout marks their main content `data-pagefind-body` with this page type. Form steps,
 * lookup results, the staff console and 404 stay out.
 */
import type { PageKind } from "./page-kinds";

export const INDEXED_SERVICE_PAGES: Readonly<Record<string, PageKind>> = {
  "/": "办事服务",
  "/enrol/": "办事服务",
  "/complain/": "办事服务",
  "/track/": "办事服务",
  "/schools/": "学校评估",
  "/balance/": "区域均衡",
};

/** The page type to index a BaseLayout page under, or null when it stays out of the index. */
export function indexedKindOf(pathname: string): PageKind | null {
  const path = pathname.endsWith("/") ? pathname : `${pathname}/`;
  return INDEXED_SERVICE_PAGES[path] ?? null;
}
