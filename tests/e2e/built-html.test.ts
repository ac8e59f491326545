/**
 * Checks over the built files themselves: the Nu HTML Checker (vnu.jar from the vnu-jar
 * package, on the machine's Java) finds no error in any page; every internal link of every
 * page points at a built page, and every #fragment at an id on it; and each page type's
 * HTML + CSS stays within 50 KB gzipped (the figures are printed for the record).
 */
import { APP_PAGES } from "../../functions/app";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { builtPages, DIST, readBuilt } from "./built-site";

const java = spawnSync("java", ["-version"]).status === 0;
if (!java && process.env.REQUIRE_BROWSER === "1") throw new Error("REQUIRE_BROWSER=1 but no Java runtime for the Nu HTML Checker (apt-get install default-jre-headless)");

describe.skipIf(!java)("the Nu HTML Checker", () => {
  it("finds no error in any built page", () => {
    const jar = String(createRequire(import.meta.url)("vnu-jar"));
    const run = spawnSync("java", ["-jar", jar, "--errors-only", "--skip-non-html", "--format", "json", DIST], { encoding: "utf8" });
    const messages = (JSON.parse(run.stderr || "{}").messages ?? []) as { url: string; lastLine: number; message: string }[];
    expect(messages.map((m) => `${m.url.replace(`file:${DIST}`, "")}:${m.lastLine} ${m.message}`)).toEqual([]);
  });
});

describe("internal links", () => {
  it("point at built pages and at ids that exist on them", () => {
    const pages = builtPages();
    const ids = new Map<string, Set<string>>();
    const idsOf = (urlPath: string) => {
      let set = ids.get(urlPath);
      if (!set) ids.set(urlPath, (set = new Set([...readBuilt(urlPath).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ""))));
      return set;
    };
    const broken: string[] = [];
    for (const { file, urlPath } of pages) {
      const html = readFileSync(file, "utf8");
      for (const [, href = ""] of html.matchAll(/\shref="(\/[^"]*|#[^"]*)"/g)) {
        const url = new URL(href, `http://site${urlPath}`);
        const target = url.pathname;
        // The API is served by the Hono app, not built; its routes have their own tests.
        if (target.startsWith("/api/")) continue;
        // Pages the app renders from the database (results, draw log) are routed to it, not built.
        if (APP_PAGES[target] !== undefined) continue;
        const asDir = target.endsWith("/") ? target : `${target}/`;
        const isPage = existsSync(path.join(DIST, asDir, "index.html"));
        const isFile = !target.endsWith("/") && existsSync(path.join(DIST, target)) && statSync(path.join(DIST, target)).isFile();
        if (!isPage && !isFile) broken.push(`${urlPath} → ${href}`);
        else if (url.hash && isPage && !idsOf(asDir).has(decodeURIComponent(url.hash.slice(1)))) {
          broken.push(`${urlPath} → ${href} (no such id)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("page weight", () => {
  const TYPES: Record<string, string> = {
    首页: "/",
    政策目录: "/policy/",
    政策章节: "/policy/2/",
    政策全文: "/policy/full/",
    部门列表: "/departments/",
    部门页面: "/departments/jiaoyu-ju/",
    承诺列表: "/commitments/",
    承诺筛选: "/commitments/status/in-progress/",
    搜索: "/search/",
    个人信息保护说明: "/privacy/",
    无障碍声明: "/accessibility/",
    网站地图: "/sitemap/",
    学校列表: "/schools/",
    学校评估: "/schools/shiyan-xiaoxue-primary/",
    区域均衡: "/balance/",
    方法说明: "/methodology/",
    开放数据: "/data/",
  };

  it("keeps each page type's HTML + CSS within 50 KB gzipped", () => {
    const rows: string[] = [];
    const over: string[] = [];
    for (const [type, urlPath] of Object.entries(TYPES)) {
      const html = readBuilt(urlPath);
      const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(path.join(DIST, m[1] ?? ""), "utf8"));
      const bytes = gzipSync(html).length + css.reduce((n, c) => n + gzipSync(c).length, 0);
      rows.push(`${type.padEnd(10, "　")} ${urlPath.padEnd(34)} ${(bytes / 1024).toFixed(1).padStart(5)} KB`);
      if (bytes > 50 * 1024) over.push(`${urlPath}: ${bytes} bytes`);
    }
    console.log(`HTML + CSS, gzip level 6:\n${rows.join("\n")}`);
    expect(over).toEqual([]);
  });
});
