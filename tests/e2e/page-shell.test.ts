/**
 * The shell page for no-JS answers (functions/platform/page-shell): built by Astro with its
 * two markers, noindex and so outside the sitemap and the search index; a no-JS answer
 * rendered into it by the Node entry's own implementation (the built file) is served on the
 * site's origin in Chromium, where its stylesheets load under the page CSP, the error summary
 * takes focus, and axe finds nothing at 320 px.
 */
import { describe, expect, it } from "vitest";
import { html } from "hono/html";
import { filePageShell } from "../../functions/platform/file-page-shell";
import { pageTitle, SHELL_MAIN_MARKER, SHELL_TITLE_MARKER } from "../../functions/platform/page-shell";
import { errorSummary } from "../../src/forms/error-summary";
import { fieldAttrs, fieldError } from "../../src/forms/field";
import { fieldId } from "../../src/forms/field-ids";
import { DIST, readBuilt, sitemapPaths } from "./built-site";
import { axeViolations, baseUrl, noBrowser, useBrowser } from "./page";

describe("the built page shell", () => {
  it("carries both markers, is noindex, and is in neither the sitemap nor the search index", () => {
    const shell = readBuilt("/shell/");
    expect(shell.split(SHELL_TITLE_MARKER)).toHaveLength(2);
    expect(shell.split(SHELL_MAIN_MARKER)).toHaveLength(2);
    expect(shell).toMatch(/<main[^>]*>[\s\S]*<!--PAGE_SHELL_MAIN-->[\s\S]*<\/main>/);
    expect(shell).toMatch(/<meta name="robots" content="noindex/);
    expect(shell).not.toContain("data-pagefind-body");
    expect(sitemapPaths()).not.toContain("/shell/");
  });
});

describe.skipIf(noBrowser)("a no-JS answer rendered into the shell, in Chromium", () => {
  const browser = useBrowser();

  it("has the site's frame and styles, focuses the error summary, escapes the citizen's input and passes axe", async () => {
    const fields = [{ path: "child.name", message: "请输入孩子的姓名" }];
    const typed = "<script>alert(1)</script>";
    const answer = await filePageShell(DIST).render({
      title: pageTitle("填写申请", true),
      status: 422,
      main: html`${errorSummary(fields)}
        <h1>填写申请</h1>
        <form method="post" action="/api/test" novalidate>
          <div class="field">
            <label for="${fieldId("child.name")}">孩子的姓名</label>
            ${fieldError(fields, "child.name")}
            <input id="${fieldId("child.name")}" name="child.name" value="${typed}"${fieldAttrs(fields, "child.name")}>
          </div>
          <button type="submit">继续</button>
        </form>`,
    });
    const body = await answer.text();
    const headers = Object.fromEntries(answer.headers);
    const page = await browser.page(320);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // Served on the site's own origin, so its stylesheets and the page CSP apply as in production.
    await page.route(`${baseUrl}/no-js-answer/`, (route) => route.fulfill({ status: 422, headers, body }));
    await page.goto(`${baseUrl}/no-js-answer/`);
    expect(await page.title()).toMatch(/^错误：填写申请 - /);
    expect(await page.locator("header").count()).toBeGreaterThan(0);
    expect(await page.locator("footer").count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
    expect(await page.locator(".error-summary").evaluate((el) => getComputedStyle(el).borderTopWidth)).toBe("4px");
    expect(await page.inputValue("#field-child-name")).toBe(typed);
    expect(dialogs).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
