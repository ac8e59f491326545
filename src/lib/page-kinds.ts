/**
 * The page types the search index knows (the 类型 filter that ContentLayout's `kind` sets),
 * in the order the search page offers them. 学校评估 pages come from the scorecards issue;
 * 办事服务 and 区域均衡 are the service, home and district pages of src/lib/search-scope.ts.
 */
export const PAGE_KINDS = ["办事服务", "政策原文", "部门职责", "承诺事项", "学校评估", "区域均衡"] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
