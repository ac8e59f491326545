// @ts-check
// Every page is prerendered; everything dynamic is the Hono app (functions/). The Cloudflare
// adapter needs `output: "server"` to build the custom Worker entry (functions/worker.ts,
// wrangler `main`); the `prerender-everything` integration below then marks every route as
// prerendered, so no page is ever rendered on demand.
import cloudflare from "@astrojs/cloudflare";
import { defineConfig } from "astro/config";

const apiPort = Number(process.env.API_PORT ?? 8787);

export default defineConfig({
  site: process.env.SITE_URL ?? "http://localhost:4321",
  output: "server",
  integrations: [
    {
      name: "prerender-everything",
      hooks: {
        "astro:route:setup": ({ route }) => {
          route.prerender = true;
        },
      },
    },
  ],
  adapter: cloudflare({
    // Pages render in Node at build time: they read content files, and workerd cannot.
    prerenderEnvironment: "node",
    // No Astro image pipeline: the site ships SVG and CSS only, so no IMAGES binding is needed.
    imageService: "passthrough",
  }),
  session: false,
  trailingSlash: "ignore",
  build: {
    // External stylesheets only, so the CSP needs no 'unsafe-inline' for styles.
    inlineStylesheets: "never",
    format: "directory",
    // Render the next pages while earlier ones are written to disk (issue 21): with one page
    // at a time, a quarter of the prerender was spent waiting on mkdir and writeFile.
    concurrency: 4,
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
      // Never inline a script or asset into the HTML: the CSP allows same-origin files only
      // (script-src 'self'), and Astro inlines small scripts below this limit by default.
      assetsInlineLimit: 0,
    },
    server: {
      // `npm run dev`: the Node entry serves /api/* on the embedded database (workerd cannot
      // open a file: libSQL URL), and Astro's dev server proxies to it.
      proxy: { "/api": `http://127.0.0.1:${apiPort}` },
    },
  },
});
