/**
 * Build step after `astro build`: writes dist/client/sitemap.xml from the pages actually
 * built. Every `index.html` is listed except pages that ask not to be indexed (a robots
 * `noindex` meta: forms, the 404 page) and everything under /staff/ and /api/. Reading the
 * output rather than keeping a list means a page added by any issue is listed, and a
 * noindex page is left out, without anyone remembering to update a list (the sitemap
 * integration cannot see a page's robots meta).
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const EXCLUDED_PREFIXES = ["/staff/", "/api/", "/pagefind/", "/_astro/"];

export function isNoindex(html: string): boolean {
  return /<meta\s+name="robots"\s+content="[^"]*noindex/i.test(html);
}

/** The URL path of a built file: `policy/2/index.html` → `/policy/2/`. */
export function pathOf(file: string): string {
  const dir = path.posix.dirname(file.split(path.sep).join("/"));
  return dir === "." ? "/" : `/${dir}/`;
}

export async function sitemapPaths(root: string): Promise<string[]> {
  const files = (await readdir(root, { recursive: true })).filter((f) => path.basename(f) === "index.html");
  const paths: string[] = [];
  for (const file of files) {
    const urlPath = pathOf(file);
    if (EXCLUDED_PREFIXES.some((p) => urlPath.startsWith(p))) continue;
    if (isNoindex(await readFile(path.join(root, file), "utf8"))) continue;
    paths.push(urlPath);
  }
  return paths.sort();
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export function sitemapXml(site: string, paths: readonly string[]): string {
  const urls = paths.map((p) => `  <url><loc>${escapeXml(new URL(p, site).href)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? "dist/client";
  // The same default as astro.config.mjs `site`.
  const site = process.env.SITE_URL ?? "http://localhost:4321";
  const paths = await sitemapPaths(root);
  await writeFile(path.join(root, "sitemap.xml"), sitemapXml(site, paths));
  console.log(`sitemap.xml: ${paths.length} pages`);
}
