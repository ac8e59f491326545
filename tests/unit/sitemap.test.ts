import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sitemapPaths, sitemapXml } from "../../functions/cli/write-sitemap";
import { tempDir } from "../fixtures/temp-db";

const root = tempDir("balance-sitemap-");
const page = (file: string, head = "") => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), `<!doctype html><html><head>${head}</head><body></body></html>`);
};
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the sitemap build step", () => {
  it("lists built pages and leaves out noindex pages, the staff console and the 404 page", async () => {
    page("index.html");
    page("policy/2/index.html");
    page("enrol/index.html", '<meta name="robots" content="noindex, nofollow" />');
    page("staff/cases/index.html");
    page("404.html", '<meta name="robots" content="noindex, nofollow" />');
    page("pagefind/index.html");
    expect(await sitemapPaths(root)).toEqual(["/", "/policy/2/"]);
  });

  it("writes absolute addresses on the configured site", () => {
    const xml = sitemapXml("https://jyjh.example.gov.cn", ["/", "/policy/2/"]);
    expect(xml).toContain("<loc>https://jyjh.example.gov.cn/policy/2/</loc>");
    expect(xml.match(/<url>/g)).toHaveLength(2);
  });
});
