/**
 * What a scorecard and the school list put in the search index (issue 21, search): the words a
 * reader looks a school up by, not the figures and boilerplate every scorecard repeats. Read
 * through Pagefind itself on the built index, in Chromium on the /search/ page (the only page
 * whose CSP lets Pagefind run): the text of a result is what the index stored and what a
 * query downloads for it.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, noBrowser, useBrowser } from "./page";

type Stored = { url: string; content: string };

/** The stored text of every result for `query`. */
async function storedResults(page: Page, query: string): Promise<Stored[]> {
  await page.goto(`${baseUrl}/search/`);
  // A string, not a function: the test runner would rewrite a function's import() for Node.
  const script = `(async () => {
    const pagefind = await import("/pagefind/pagefind.js");
    await pagefind.options({ noWorker: true });
    const search = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(search.results.map(async (r) => {
      const d = await r.data();
      return { url: d.url, content: d.content };
    }));
  })()`;
  return page.evaluate<Stored[]>(script);
}

describe.skipIf(noBrowser)("what the scorecards and the school list put in the index", () => {
  const browser = useBrowser();

  it("a scorecard is found by its school's name and stores its name, address, catchment and indicator names, not its figures or boilerplate", async () => {
    const page = await browser.page();
    const results = await storedResults(page, "白沙镇枫林小学");
    const card = results.find((r) => r.url === "/schools/fenglin-xiaoxue-primary/");
    expect(card, results.map((r) => r.url).join(" ")).toBeDefined();
    const text = card!.content.replace(/\u200b/g, "");
    for (const kept of ["白沙镇枫林小学", "白沙镇", "枫林村", "白沙社区", "每百名学生拥有高于规定学历教师数", "达到国家标准"]) expect(text, kept).toContain(kept);
    for (const left of ["随迁子女", "入学咨询电话", "演示数据", "全区均值", "同类学校均值", "每张卡片", "返回学校列表"]) expect(text, left).not.toContain(left);
    // The figures on the cards (value, share, standard, means) are not indexed: no decimals but the ones the answer sentence may give.
    expect(text.match(/\d+\.\d+/g) ?? []).toEqual([]);
  }, 60_000);

  it("no scorecard answers 随迁子女: the intake line on every scorecard is not indexed", async () => {
    const page = await browser.page();
    const results = await storedResults(page, "随迁子女");
    expect(results.length).toBeGreaterThan(0);
    expect(results.map((r) => r.url).filter((u) => /^\/schools\/[^/]+-(primary|junior)\/$/.test(u))).toEqual([]);
  }, 60_000);

  it("the school list is found by its own words but does not store every school of the table", async () => {
    const page = await browser.page();
    const list = (await storedResults(page, "学校名单")).find((r) => r.url === "/schools/");
    expect(list).toBeDefined();
    const text = list!.content.replace(/\u200b/g, "");
    expect(text).toContain("学校均衡评估");
    expect(text).not.toContain("枫林小学");
    expect(text.length).toBeLessThan(1000);
  }, 60_000);
});
