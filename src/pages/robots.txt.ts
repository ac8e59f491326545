/**
 * robots.txt: the API and the staff console stay out of search engines; the sitemap is
 * named with the site's absolute address (SITE_URL at build time).
 */
import type { APIRoute } from "astro";

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL("/sitemap.xml", site).href;
  const body = ["User-agent: *", "Disallow: /api/", "Disallow: /staff/", "", `Sitemap: ${sitemap}`, ""].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
};
