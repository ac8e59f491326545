/**
 * Issue 18 item 2: what citizens type finds what they look for. Each query of the table runs
 * through the real search page (its synonym expansion included) on the real built Pagefind
 * index in Chromium, and the page named must come first, or in the top three. Also: every
 * public service page is in the index (each is found by its own title).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, noBrowser, useBrowser } from "./page";

type Expect = { query: string; page: string; within: 1 | 3 };
const first = (query: string, page: string): Expect => ({ query, page, within: 1 });
const top3 = (query: string, page: string): Expect => ({ query, page, within: 3 });

const QUERIES: Expect[] = [
  first("投诉", "/complain/"),
  first("举报", "/complain/"),
  first("反映问题", "/complain/"),
  first("投诉学校", "/complain/"),
  top3("怎么投诉学校收费", "/complain/"),
  top3("择校费", "/complain/"),
  top3("违规收费", "/complain/"),
  top3("乱收费", "/complain/"),
  top3("补课", "/complain/"),
  first("随迁子女", "/enrol/"),
  first("随迁子女入学", "/enrol/"),
  top3("流动人口子女", "/enrol/"),
  top3("外来务工人员子女", "/enrol/"),
  top3("进城务工人员子女上学", "/enrol/"),
  top3("农民工子女", "/enrol/"),
  // One-word queries the complaint page also answers (it names 入学考试 and 招生 misconduct): top three.
  top3("学位", "/enrol/"),
  top3("招生", "/enrol/"),
  first("入学申请", "/enrol/"),
  top3("居住证", "/enrol/"),
  top3("孩子上学", "/enrol/"),
  first("查询进度", "/track/"),
  first("受理编号", "/track/"),
  first("学校名单", "/schools/"),
  top3("差异系数", "/balance/"),
  top3("均衡", "/balance/"),
  first("开放数据", "/data/"),
  top3("下载数据", "/data/"),
  first("流动人口", "/policy/4/"),
  top3("残疾儿童", "/policy/4/"),
  top3("教师交流", "/policy/3/"),
  top3("校外培训", "/policy/3/"),
  first("教育局", "/departments/jiaoyu-ju/"),
  top3("财政局", "/departments/caizheng-ju/"),
];

/** The result pages for a query, in the order the search page lists them. */
async function resultPages(page: Page, query: string): Promise<string[]> {
  await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(query)}`);
  await page.locator("#search-status").filter({ hasText: /找到|没有找到|无法使用/ }).waitFor();
  return page.$$eval("#search-results > li > h3 > a", (links) => links.map((a) => a.getAttribute("href") ?? ""));
}

describe.skipIf(noBrowser)("the search query table", () => {
  const browser = useBrowser();

  it(`has at least 25 queries (${QUERIES.length})`, () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(25);
  });

  it("finds each query's page first or in the top three", async () => {
    const page = await browser.page();
    const misses: string[] = [];
    for (const q of QUERIES) {
      const pages = await resultPages(page, q.query);
      const rank = pages.indexOf(q.page) + 1;
      if (rank === 0 || rank > q.within) misses.push(`${q.query}: ${q.page} is ${rank === 0 ? "not found" : `#${rank}`} (want top ${q.within}); got ${pages.slice(0, 3).join(" ")}`);
    }
    expect(misses).toEqual([]);
  }, 120_000);

  it("indexes every public service page, the school list, the balance page and the home page", async () => {
    const page = await browser.page();
    const titles: Record<string, string> = {
      "/": "办事服务",
      "/enrol/": "随迁子女",
      "/complain/": "投诉",
      "/track/": "办理进度",
      "/schools/": "学校",
      "/balance/": "均衡",
    };
    for (const [path, query] of Object.entries(titles)) expect(await resultPages(page, query), path).toContain(path);
  }, 60_000);

  it("keeps form steps and lookups out of the index", async () => {
    const page = await browser.page();
    const pages = [...(await resultPages(page, "申请")), ...(await resultPages(page, "投诉"))];
    expect(pages.filter((p) => /^\/(enrol\/(apply|check|results)|complain\/track|staff)\//.test(p))).toEqual([]);
  }, 60_000);
});
