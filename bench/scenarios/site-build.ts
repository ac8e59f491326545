/**
 * Site build: seconds to build the real site (`astro build`, the site's own config with the
 * output redirected) for 5,000 school sections × 3 years (issue 8's size; quick: 200), against
 * a bare Astro build of the same number of empty pages in the same run. Pagefind's indexing of
 * the built site is a separate row, a plain figure with its time per page: it is a separate
 * tool whose cost follows the indexed text, not Astro's rendering, so a ratio against the bare
 * Astro build would compare unlike things. The large site's output stays in the scratch folder
 * (`site-dist/client`) for the search scenario, which runs after this one.
 */
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { writeBareAstro } from "../fixtures/bare-astro";
import { writeLargeDistrict } from "../fixtures/large-district";
import { countHtml, runTimed } from "../fixtures/run-timed";
import { costRatio, type Scenario } from "../harness/types";

/** Where this scenario leaves the large site's client output, relative to the bench scratch root. */
export const LARGE_SITE_CLIENT = path.join("site-build", "site-dist", "client");

export const siteBuild: Scenario = {
  id: "site-build",
  title: "Site build",
  async run({ quick, root, scratch, log }) {
    const target = quick ? 200 : 5000;
    const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
    const contentDir = path.join(scratch, "district");
    rmSync(contentDir, { recursive: true, force: true });
    const district = await writeLargeDistrict(root, contentDir, target);
    log(`generated ${district.schools} schools, ${district.sections} sections × ${district.years} years`);

    // Build output must sit inside the project: the prerender bundle resolves packages from node_modules.
    const siteOut = path.join(scratch, "site-dist");
    rmSync(siteOut, { recursive: true, force: true });
    const siteSeconds = await runTimed(bin("astro"), ["build", "--config", "bench/fixtures/astro.bench.config.mjs"], {
      cwd: root,
      env: { CONTENT_ROOT: contentDir, BENCH_OUT_DIR: siteOut },
    });
    const client = path.join(siteOut, "client");
    const pages = countHtml(client);
    log(`site build ${siteSeconds.toFixed(1)} s, ${pages} pages`);

    const indexSeconds = await runTimed(bin("pagefind"), ["--site", client], { cwd: root });
    log(`pagefind ${indexSeconds.toFixed(1)} s`);

    const bare = writeBareAstro(path.join(scratch, "bare"), pages, path.join(scratch, "bare-dist"));
    let bareSeconds: number;
    try {
      bareSeconds = await runTimed(bin("astro"), ["build", "--root", bare], { cwd: root });
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
    const barePages = countHtml(path.join(scratch, "bare-dist"));
    rmSync(path.join(scratch, "bare-dist"), { recursive: true, force: true });
    log(`bare build ${bareSeconds.toFixed(1)} s, ${barePages} pages`);

    const scorecards = readdirSync(path.join(client, "schools"), { withFileTypes: true }).filter((e) => e.isDirectory() && /-(primary|junior)$/.test(e.name)).length;
    const size = `${district.sections.toLocaleString("en-US")} sections × ${district.years} years, ${pages.toLocaleString("en-US")} pages`;
    const perPage = (s: number) => `${((s * 1000) / pages).toFixed(1)} ms a page`;
    return {
      rows: [
        {
          measure: `astro build, ${size}`,
          value: { value: siteSeconds, unit: "s" },
          against: { label: `bare Astro build of ${barePages.toLocaleString("en-US")} empty pages`, value: { value: bareSeconds, unit: "s" } },
          ratio: costRatio(siteSeconds, bareSeconds),
        },
        { measure: `pagefind index of the same ${pages.toLocaleString("en-US")} pages (${perPage(indexSeconds)})`, value: { value: indexSeconds, unit: "s" } },
      ],
      checks: [
        { label: "one scorecard page per school section", ok: scorecards === district.sections, detail: `${scorecards} scorecards for ${district.sections} sections` },
        { label: "the bare build has as many pages as the site", ok: barePages === pages, detail: `${barePages} bare pages, ${pages} site pages` },
      ],
      notes: [`site ${perPage(siteSeconds)}, bare ${perPage(bareSeconds)}`],
    };
  },
};
