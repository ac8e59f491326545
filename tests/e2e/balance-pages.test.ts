/** The balance pages in Chromium: axe-clean, readable at 320 px, and the compare island at work. */
import { describe, expect, it } from "vitest";
import { axeViolations, baseUrl, noBrowser, useBrowser } from "./page";

const PAGES = [
  "/schools/",
  "/schools/township/shimen/",
  "/schools/result/out_of_scope/",
  "/schools/shiyan-xiaoxue-primary/",
  "/schools/fengling-xuexiao-junior/",
  "/schools/peizhi-xuexiao-primary/",
  "/balance/",
  "/balance/2023/",
  "/methodology/",
  "/data/",
  "/schools/compare/",
];

describe.skipIf(noBrowser)("balance pages in Chromium", () => {
  const browser = useBrowser();

  it("have no axe violations and no console errors (CSP included)", async () => {
    const page = await browser.page();
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(`${page.url()}: ${m.text()}`));
    for (const path of PAGES) {
      const res = await page.goto(`${baseUrl}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await axeViolations(page), path).toEqual([]);
      // Headings in order: never skip a level.
      const levels = await page.locator("main h1, main h2, main h3, main h4").evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
      levels.forEach((l, i) => i > 0 && expect(l - levels[i - 1]!, `${path} heading ${i}`).toBeLessThanOrEqual(1));
    }
    expect(problems).toEqual([]);
  });

  it("fit a 320 px screen: wide tables scroll inside their own region", async () => {
    const page = await browser.page(320);
    for (const path of ["/schools/", "/schools/shiyan-xiaoxue-primary/", "/balance/", "/data/"]) {
      await page.goto(`${baseUrl}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  it("say pass or fail in words beside the shape, not by colour alone", async () => {
    const page = await browser.page();
    await page.goto(`${baseUrl}/schools/result/fail/`);
    const marks = await page.locator("td .mark").allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m).toMatch(/^✘未达标准$/);
  });

  it("run no script on a scorecard", async () => {
    const page = await browser.page();
    const scripts: string[] = [];
    page.on("request", (r) => r.resourceType() === "script" && scripts.push(r.url()));
    await page.goto(`${baseUrl}/schools/shiyan-xiaoxue-primary/`);
    expect(scripts).toEqual([]);
  });

  it("compare up to four sections side by side with the JSON's numbers", async () => {
    const page = await browser.page();
    await page.goto(`${baseUrl}/schools/compare/`);
    const selects = page.locator("form select");
    await selects.nth(0).selectOption("shiyan-xiaoxue-primary");
    await selects.nth(1).selectOption("shaxi-xiaoxue-primary");
    await selects.nth(2).selectOption("zhuyuan-jiaoxuedian-primary");
    await page.getByRole("button", { name: "对比" }).click();
    const header = page.locator("[data-compare-output] thead th");
    // The script fetches the year's JSON first; on a loaded machine that takes longer than poll's 1 s.
    await header.nth(3).waitFor();
    expect(await header.count()).toBe(4);
    expect(await header.allTextContents()).toEqual(["指标", "清溪区实验小学", "白沙镇沙溪小学", "凤岭镇竹源教学点"]);
    expect(page.url()).toContain("?s1=shiyan-xiaoxue-primary&s2=shaxi-xiaoxue-primary&s3=zhuyuan-jiaoxuedian-primary");
    const data = (await (await fetch(`${baseUrl}/data/balance-2025.json`)).json()) as { sections: { id: string; quality: Record<string, { value: number }> }[] };
    const cells = await page.locator("[data-compare-output] td[data-field]").evaluateAll((tds) => tds.map((td) => [td.getAttribute("data-field")!, td.textContent!]));
    expect(cells).toHaveLength(3 * 7);
    for (const [field, text] of cells) {
      const [id, path] = field!.split(":");
      const ind = path!.split(".")[1]!;
      expect(Number.parseFloat(text!), field).toBe(data.sections.find((s) => s.id === id)!.quality[ind]!.value);
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it("restores a comparison from the address, and explains itself without script", async () => {
    const page = await browser.page();
    await page.goto(`${baseUrl}/schools/compare/?s1=donghu-zhongxue-junior&s3=yunxi-zhongxue-junior`);
    const header = page.locator("[data-compare-output] thead th");
    await header.nth(2).waitFor();
    expect(await header.count()).toBe(3);
    const context = await (await browser.page()).context().browser()!.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${baseUrl}/schools/compare/`);
    expect(await noJs.locator("main li a[href^='/schools/']").count()).toBe(61);
    await context.close();
  });

  it("without JavaScript, compares every section in one prerendered table with the JSON's numbers, and hides the picker it cannot run (issue 18 item 5)", async () => {
    const context = await (await browser.page()).context().browser()!.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${baseUrl}/schools/compare/`);
    expect(await noJs.locator("form.compare-form").isVisible()).toBe(false);
    const rows = noJs.locator("[data-compare-all] tbody tr");
    expect(await rows.count()).toBe(61);
    const data = (await (await fetch(`${baseUrl}/data/balance-2025.json`)).json()) as { sections: { id: string; quality: Record<string, { value: number; met: boolean }> }[] };
    const cells = await noJs.locator("[data-compare-all] tbody tr").evaluateAll((trs) =>
      trs.flatMap((tr) => [...tr.querySelectorAll("td[data-field]")].map((td) => [tr.getAttribute("data-section")!, td.getAttribute("data-field")!, td.textContent!])),
    );
    expect(cells).toHaveLength(61 * 7);
    for (const [id, field, text] of cells) {
      const q = data.sections.find((s) => s.id === id)!.quality[field!.split(".")[1]!]!;
      expect(Number.parseFloat(text!), `${id} ${field}`).toBe(q.value);
      expect(text, `${id} ${field}`).toContain(q.met ? "达标" : "未达标");
    }
    await context.close();
  });
});
