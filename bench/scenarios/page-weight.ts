/**
 * Page weight: for one representative page of each type in the real built site (dist/client;
 * `npm run build` first when it is missing), the gzip bytes of its HTML, stylesheets, scripts
 * with their static imports, and images, against issue 8's budget: ≤ 50 KB in all per page
 * (KB = 1,000 bytes), and no JavaScript at all on content pages (a failed check, not just a
 * figure). Quick and full size are the same: the demo site is what visitors get.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { measurePage } from "../fixtures/page-assets";
import { pageTypes } from "../fixtures/page-types";
import type { Check, Row, Scenario } from "../harness/types";

export const PAGE_BUDGET_KB = 50;

const kb = (bytes: number) => bytes / 1000;
const fmt = (bytes: number) => kb(bytes).toFixed(1);

export const pageWeight: Scenario = {
  id: "page-weight",
  title: "Page weight",
  async run({ root, log }) {
    const dist = path.join(root, "dist", "client");
    if (!existsSync(path.join(dist, "index.html"))) {
      log("dist/client/index.html is missing: running npm run build");
      const build = spawnSync("npm", ["run", "build"], { cwd: root, encoding: "utf8", env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" }, maxBuffer: 1 << 26 });
      if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout.slice(-4000)}\n${build.stderr.slice(-4000)}`);
    }

    const rows: Row[] = [];
    const checks: Check[] = [];
    const notes: string[] = [];
    for (const page of pageTypes(dist)) {
      const w = await measurePage(dist, page.path);
      const ok = kb(w.total) <= PAGE_BUDGET_KB;
      rows.push({
        measure: `${page.type} ${page.path}: HTML ${fmt(w.html)} + CSS ${fmt(w.css)} + JS ${fmt(w.js)} + images ${fmt(w.images)} KB`,
        value: { value: kb(w.total), unit: "KB" },
        budget: { limit: { value: PAGE_BUDGET_KB, unit: "KB" }, ok },
      });
      if (!ok) notes.push(`${page.type} ${page.path} is over budget: ${w.files.css.length} stylesheets, ${w.files.js.length} scripts, ${w.files.images.length} images`);
      if (!page.interactive) {
        checks.push({ label: `no JavaScript on the content page ${page.path}`, ok: w.js === 0, detail: w.js === 0 ? `${page.type}: 0 bytes` : `${page.type}: ${w.js} bytes from ${w.files.js.join(", ")}` });
      }
    }
    notes.push("gzip at zlib's default level (6), as the Node entry's compress() sends it; KB = 1,000 bytes");
    return { rows, checks, notes };
  },
};
