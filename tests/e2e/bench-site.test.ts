/**
 * Smoke test of two benchmark scenarios on the site the global setup built (dist/client):
 * page weight (every page type measured, within the 50 KB budget, and no JavaScript on any
 * content page) and search on the demo site in Chromium (each query finds something, and the
 * browser fetched the index over the wire). Nothing here is about time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { measurePage } from "../../bench/fixtures/page-assets";
import type { BenchContext } from "../../bench/harness/types";
import { pageWeight } from "../../bench/scenarios/page-weight";
import { search } from "../../bench/scenarios/search";
import { DIST } from "./built-site";
import { noBrowser } from "./page";

const scratch = mkdtempSync(path.join(tmpdir(), "balance-bench-"));
const ctx = (id: string): BenchContext => ({ quick: true, root: process.cwd(), scratch: path.join(scratch, id), log: () => {} });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("page-weight scenario", () => {
  it("follows a module script's static imports, and finds none on a content page", async () => {
    const form = await measurePage(DIST, "/enrol/apply/");
    expect(form.files.js.length).toBeGreaterThan(1);
    expect(form.js).toBeGreaterThan(0);
    const home = await measurePage(DIST, "/");
    expect(home.files.js).toEqual([]);
    expect(home.files.css.length).toBeGreaterThan(0);
    expect(home.files.images).toContain("/favicon.svg");
    expect(home.total).toBe(home.html + home.css + home.js + home.images);
  });

  it("measures every page type within budget, with no JavaScript on content pages", async () => {
    const result = await pageWeight.run(ctx("page-weight"));
    expect(result.rows).toHaveLength(14);
    expect(result.rows.filter((r) => !r.budget?.ok).map((r) => r.measure)).toEqual([]);
    expect(result.checks.length).toBeGreaterThanOrEqual(8);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
  });
});

describe.skipIf(noBrowser)("search scenario on the demo site", () => {
  it("finds every query and counts the index bytes fetched", { timeout: 90_000 }, async () => {
    const result = await search.run(ctx("search"));
    expect(result.checks).toHaveLength(3);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    const fetched = result.rows.find((r) => r.measure.startsWith("bytes fetched per query, demo site"));
    // Pagefind's script and WebAssembly alone are tens of KB: a zero would mean nothing was counted.
    expect(fetched?.value.value).toBeGreaterThan(20);
  });
});
