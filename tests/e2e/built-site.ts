/**
 * Helpers for tests that read the built site (dist/client, written by the e2e global setup)
 * rather than drive a browser: the list of built pages, their URL paths, and the sitemap.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathOf } from "../../functions/cli/write-sitemap";

export const DIST = path.resolve("dist/client");

/** Every built HTML page as { file, urlPath }, the 404 page included. */
export function builtPages(): { file: string; urlPath: string }[] {
  return readdirSync(DIST, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html") && !f.startsWith("pagefind"))
    .map((f) => ({ file: path.join(DIST, f), urlPath: f === "404.html" ? "/404.html" : pathOf(f) }));
}

export const readBuilt = (urlPath: string) =>
  readFileSync(path.join(DIST, urlPath.endsWith("/") ? `${urlPath}index.html` : urlPath), "utf8");

/** The URL paths listed in the built sitemap.xml. */
export function sitemapPaths(): string[] {
  const xml = readFileSync(path.join(DIST, "sitemap.xml"), "utf8");
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? "").pathname);
}

/** Text of an HTML fragment: tags dropped, the entities Astro writes decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}
