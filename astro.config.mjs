// @ts-check
// Every page is prerendered; everything dynamic is the Hono app (functions/). The Cloudflare
// adapter needs `output: "server"` to build the custom Worker entry (functions/worker.ts,
// wrangler `main`); the `prerender-everything` integration below then marks every route as
// prerendered, so no page is ever rendered on demand.
import cloudflare from "@astrojs/cloudflare";
import { defineConfig } from "astro/config";
import { cp, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const apiPort = Number(process.env.API_PORT ?? 8787);

// pdf.js's data files, served from our own origin at /pdfjs/ for the staff application page's
// PDF preview (src/scripts/staff/enrolment/pdf-preview.ts; issue 19 item 4): the CMaps that
// Chinese text in non-embedded fonts needs, the standard-font data, and the JPEG 2000 and
// JBIG2 decoders as plain JavaScript (WebAssembly stays off; the CSP has no wasm-unsafe-eval).
// Fetched only when a PDF needs them. Copied into the built site; served from node_modules in dev.
const PDFJS_ROOT = fileURLToPath(new URL("./node_modules/pdfjs-dist/", import.meta.url));
const PDFJS_FILES = ["cmaps", "standard_fonts", "wasm/jbig2_nowasm_fallback.js", "wasm/openjpeg_nowasm_fallback.js", "LICENSE"];
/** @param {string} urlPath */
const pdfjsFile = (urlPath) => {
  const rel = path.posix.normalize(urlPath.replace(/^\/pdfjs\//, ""));
  return PDFJS_FILES.some((f) => rel === f || rel.startsWith(`${f}/`)) ? path.join(PDFJS_ROOT, rel) : null;
};
/** @returns {import("astro").AstroIntegration} */
const pdfjsAssets = () => {
  let client = "";
  return {
    name: "pdfjs-assets",
    hooks: {
      "astro:config:done": ({ config }) => {
        client = fileURLToPath(config.build.client);
      },
      "astro:build:done": async () => {
        for (const f of PDFJS_FILES) await cp(path.join(PDFJS_ROOT, f), path.join(client, "pdfjs", f), { recursive: true });
      },
      "astro:server:setup": ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          const file = req.url?.startsWith("/pdfjs/") ? pdfjsFile(req.url.split("?")[0] ?? "") : null;
          if (!file) return next();
          try {
            const body = await readFile(file);
            res.setHeader("Content-Type", file.endsWith(".js") ? "text/javascript" : "application/octet-stream");
            res.end(body);
          } catch {
            next();
          }
        });
      },
    },
  };
};

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
    pdfjsAssets(),
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
