/**
 * What keeps PDF JavaScript and eval out of the reviewer's PDF preview (issue 19 item 4),
 * checked on the files themselves: the preview module imports pdf.js's display API and its
 * worker only (never the viewer, its scripting sandbox or the annotation layer), and only
 * the application page's island imports the preview; the pdf.js build that ships has no
 * eval path; the console's pages are served without 'unsafe-eval' or 'wasm-unsafe-eval', and
 * the worker is allowed by `script-src 'self'` (worker-src falls back to it), so no CSP line
 * was widened for it; the data files pdf.js may fetch are copied to our own /pdfjs/.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { staticHeadersFor } from "../../../functions/middleware/security-headers";
import { readImportGraph, ROOT } from "../architecture/import-graph";

const read = (rel: string) => readFileSync(path.join(ROOT, rel), "utf8");

describe("the PDF preview's safety", () => {
  it("imports pdf.js's display API and worker only, from the application page only", async () => {
    const graph = (await readImportGraph()).imports;
    const preview = "src/scripts/staff/enrolment/pdf-preview.ts";
    expect(graph.filter((i) => i.from === preview).map((i) => i.specifier).sort()).toEqual(["pdfjs-dist", "pdfjs-dist/build/pdf.worker.min.mjs?url"]);
    expect(graph.filter((i) => i.target === preview || i.target === "pdfjs-dist").map((i) => i.from).sort()).toEqual([
      "src/scripts/staff/enrolment/detail.ts",
      preview,
      preview,
    ]);
    const source = read(preview);
    expect(source).toContain("useWasm: false");
    expect(source).not.toMatch(/onPassword|enableScripting:\s*true|pdf\.sandbox|annotation_layer|pdf_viewer/);
  });

  it("ships a pdf.js with no eval path", () => {
    for (const file of ["node_modules/pdfjs-dist/build/pdf.mjs", "node_modules/pdfjs-dist/build/pdf.worker.min.mjs"]) {
      expect(read(file)).not.toMatch(/\bnew Function\s*\(|\beval\s*\(|isEvalSupported/);
    }
  });

  it("serves the console under a CSP that allows the worker from our origin and no eval", () => {
    const csp = staticHeadersFor("/staff/applications/detail/")["Content-Security-Policy"]!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|blob:|worker-src|child-src/);
    expect(csp).toContain("font-src 'self'");
    expect(csp).toContain("connect-src 'self'");
  });

  it("copies pdf.js's data files into the built site at /pdfjs/", () => {
    const config = read("astro.config.mjs");
    for (const f of ["cmaps", "standard_fonts", "wasm/jbig2_nowasm_fallback.js", "wasm/openjpeg_nowasm_fallback.js"]) expect(config).toContain(`"${f}"`);
    expect(read("src/scripts/staff/enrolment/pdf-preview.ts")).toContain('const ASSETS = "/pdfjs/"');
  });
});
