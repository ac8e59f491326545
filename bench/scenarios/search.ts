/**
 * Search: Pagefind's index size (bytes under pagefind/, and per indexed page) and the bytes
 * the browser fetches from /pagefind/ for a query on the real /search/ page in Chromium, for
 * the demo site (dist/client) and for the large site the site-build scenario left in the
 * scratch folder. Compared against page count: the large site's figures are set against the
 * demo site's scaled linearly by the growth in indexed pages, so the ratio is "growth in
 * bytes ÷ growth in pages" (below 1: the cost grows slower than the site). Without the large
 * site (e.g. `--only search`) only the demo site is measured, with a note. The sites are
 * served by the Node entry's static server in a child process.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { readDistrict } from "../../src/content-data/district";
import { findChromium, INSTALL_HINT, launchChromium } from "../../support/browser";
import { indexSize, queryCost, type IndexSize, type QueryCost } from "../fixtures/pagefind-query";
import { startStaticServer } from "../fixtures/static-child";
import { costRatio, NotAvailable, type Check, type Row, type Scenario } from "../harness/types";
import { LARGE_SITE_CLIENT } from "./site-build";

type SiteFigures = { label: string; index: IndexSize; queries: QueryCost[]; meanBytes: number };

const kb = (bytes: number) => bytes / 1000;

export const search: Scenario = {
  id: "search",
  title: "Search",
  async run({ root, scratch, log }) {
    const browserPath = findChromium();
    if (!browserPath) throw new NotAvailable(INSTALL_HINT);
    const demo = path.join(root, "dist", "client");
    if (!existsSync(path.join(demo, "pagefind", "pagefind-entry.json"))) throw new NotAvailable("no built site with a Pagefind index in dist/client: run npm run build (or the page-weight scenario) first");
    const large = path.join(path.dirname(scratch), LARGE_SITE_CLIENT);
    const hasLarge = existsSync(path.join(large, "pagefind", "pagefind-entry.json"));

    // A school's name from the demo registry (the large site keeps it too) and two policy terms.
    const { schools } = await readDistrict(root);
    const queries = [schools[0]!.name, "随迁子女", "均衡"];

    const browser = await launchChromium(browserPath);
    const measure = async (label: string, client: string): Promise<SiteFigures> => {
      const server = await startStaticServer(root, client);
      try {
        const costs: QueryCost[] = [];
        for (const q of queries) costs.push(await queryCost(browser, server.url, q));
        const meanBytes = costs.reduce((n, c) => n + c.bytes, 0) / costs.length;
        const index = indexSize(client);
        log(`${label}: ${index.pages} indexed pages, index ${kb(index.bytes).toFixed(0)} KB, ${kb(meanBytes).toFixed(1)} KB fetched per query`);
        return { label, index, queries: costs, meanBytes };
      } finally {
        await server.stop();
      }
    };
    const sites: SiteFigures[] = [];
    try {
      sites.push(await measure("demo site", demo));
      if (hasLarge) sites.push(await measure("large site", large));
    } finally {
      await browser.close();
    }

    const [small, big] = sites as [SiteFigures, SiteFigures | undefined];
    const pages = (s: SiteFigures) => `${s.index.pages.toLocaleString("en-US")} indexed pages`;
    const perPage = (s: SiteFigures) => (s.index.dataBytes / s.index.pages / 1000).toFixed(1);
    const rows: Row[] = [
      { measure: `bytes under pagefind/, ${small.label} (${pages(small)}; index data ${perPage(small)} KB a page)`, value: { value: kb(small.index.bytes), unit: "KB" } },
      { measure: `bytes fetched per query, ${small.label} (mean of ${queries.length})`, value: { value: kb(small.meanBytes), unit: "KB" } },
    ];
    const notes: string[] = [];
    if (big) {
      const growth = big.index.pages / small.index.pages;
      const scaled = (v: number) => ({ label: `${small.label}'s ${kb(v).toFixed(0)} KB × ${growth.toFixed(1)} (page growth)`, value: { value: kb(v * growth), unit: "KB" } });
      rows.push(
        {
          measure: `bytes under pagefind/, ${big.label} (${pages(big)}; index data ${perPage(big)} KB a page)`,
          value: { value: kb(big.index.bytes), unit: "KB" },
          against: scaled(small.index.bytes),
          ratio: costRatio(big.index.bytes, small.index.bytes * growth),
        },
        {
          measure: `bytes fetched per query, ${big.label} (mean of ${queries.length}; ×${(big.meanBytes / small.meanBytes).toFixed(2)} the ${small.label}'s)`,
          value: { value: kb(big.meanBytes), unit: "KB" },
          against: scaled(small.meanBytes),
          ratio: costRatio(big.meanBytes, small.meanBytes * growth),
        },
      );
    } else {
      notes.push("no large site from the site-build scenario in this run (run it before search): the demo site only");
    }
    for (const s of sites) {
      notes.push(`${s.label}: ${s.queries.map((q) => `“${q.query}” ${q.results} results, ${q.requests} requests, ${kb(q.bytes).toFixed(1)} KB`).join("; ")}`);
    }
    notes.push("fetched bytes are as served (Chromium's encoded body sizes, fresh cache per query); index bytes as stored");
    const checks: Check[] = sites.flatMap((s) =>
      s.queries.map((q) => ({ label: `“${q.query}” finds at least one page on the ${s.label}`, ok: q.results > 0 && q.shown > 0, detail: `${q.results} results, ${q.shown} listed` })),
    );
    return { rows, checks, notes };
  },
};
