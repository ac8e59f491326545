/**
 * Every number on a balance page equals the number in the JSON download: the build marks each
 * published number with `data-field` (a path into the year's JSON) and this test reads a
 * sample of scorecards and every district page back against /data/balance-<year>.json.
 * Runs on the served build without a browser. Also checks the open-data hashes.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { baseUrl } from "./page";

type YearJson = { year: number; sections: { id: string; result: string; nine_year: boolean; in_scope: boolean; standards_met: number }[] } & Record<string, unknown>;

async function text(path: string): Promise<string> {
  const res = await fetch(`${baseUrl}${path}`);
  expect(res.status, path).toBe(200);
  return res.text();
}
const json = async (path: string) => JSON.parse(await text(path)) as YearJson;

/** Every element carrying data-field, with its optional data-year and its text. */
function fields(html: string): { field: string; year: number | null; text: string }[] {
  const out: { field: string; year: number | null; text: string }[] = [];
  for (const m of html.matchAll(/<[a-z]+\b([^>]*\bdata-field="([^"]+)"[^>]*)>([^<]*)</g)) {
    const year = /\bdata-year="(\d{4})"/.exec(m[1]!)?.[1];
    out.push({ field: m[2]!, year: year ? Number(year) : null, text: m[3]!.trim() });
  }
  return out;
}

function resolve(root: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node === null || node === undefined ? undefined : (node as Record<string, unknown>)[key]), root);
}

/** The page's text as the number it shows; "—" stands for null. */
function shown(t: string): number | null {
  if (t === "—") return null;
  const n = Number.parseFloat(t.replace(/^\+/, ""));
  expect(Number.isNaN(n), `not a number: “${t}”`).toBe(false);
  return n;
}

describe("numbers on balance pages equal the JSON download", () => {
  it("holds on a sample of scorecards, including the three-year trend", async () => {
    const years = await Promise.all([2023, 2024, 2025].map((y) => json(`/data/balance-${y}.json`)));
    const latest = years.at(-1)!;
    const pick = (f: (s: YearJson["sections"][number]) => boolean) => latest.sections.find(f)!.id;
    const sample = [...new Set([
      latest.sections[0]!.id,
      pick((s) => s.result === "fail"),
      pick((s) => s.result === "out_of_scope"),
      pick((s) => s.nine_year),
      latest.sections.at(-1)!.id,
      latest.sections[Math.floor(latest.sections.length / 2)]!.id,
    ])];
    for (const id of sample) {
      const found = fields(await text(`/schools/${id}/`));
      expect(found.length, id).toBeGreaterThan(40);
      for (const f of found) {
        const year = f.year === null ? latest : years.find((y) => y.year === f.year)!;
        const section = year.sections.find((s) => s.id === id);
        expect(shown(f.text), `${id} ${f.year ?? ""} ${f.field}`).toBe(resolve(section, f.field) ?? null);
      }
    }
  });

  it("holds on every district page and on the list's standards-met column", async () => {
    for (const year of [2023, 2024, 2025]) {
      const data = await json(`/data/balance-${year}.json`);
      const found = fields(await text(`/balance/${year}/`));
      expect(found.length).toBeGreaterThan(100);
      for (const f of found) expect(shown(f.text), `${year} ${f.field}`).toBe(resolve(data, f.field) ?? null);
    }
    const latest = await json("/data/balance-2025.json");
    const index = fields(await text("/balance/"));
    for (const f of index) expect(shown(f.text), f.field).toBe(resolve(latest, f.field) ?? null);
    const list = await text("/schools/");
    // Out-of-scope sections (special education, small teaching points) say so instead of "6/7" (issue 17).
    const rows = [...list.matchAll(/<tr data-section="([^"]+)">(?:(?!<\/tr>)[\s\S])*?data-field="standards_met"[^>]*>(\d)\/7/g)];
    expect(rows).toHaveLength(latest.sections.filter((s) => s.in_scope).length);
    expect([...list.matchAll(/<td class="num"[^>]*>不参与评估<\/td>/g)]).toHaveLength(latest.sections.filter((s) => !s.in_scope).length);
    for (const [, id, met] of rows) expect(Number(met), id).toBe(latest.sections.find((s) => s.id === id)!.standards_met);
  });
});

describe("open data", () => {
  it("shows each file's SHA-256 as served, and the descriptor lists the same hashes", async () => {
    const page = await text("/data/");
    const listed = [...page.matchAll(/data-file="([^"]+)"[\s\S]*?data-sha256>([0-9a-f]{64})</g)].map((m) => ({ name: m[1]!, hash: m[2]! }));
    // Per year: JSON and three CSVs, each CSV with its Excel copy; schools.csv and columns.csv (each with its copy) and datapackage.json.
    expect(listed.length).toBe(3 * 7 + 5);
    const pkg = JSON.parse(await text("/data/datapackage.json")) as { resources: { path: string; hash: string; bytes: number }[] };
    for (const { name, hash } of listed) {
      const bytes = Buffer.from(await (await fetch(`${baseUrl}/data/${name}`)).arrayBuffer());
      expect(createHash("sha256").update(bytes).digest("hex"), name).toBe(hash);
      const resource = pkg.resources.find((r) => r.path === name);
      if (name.endsWith("-excel.csv")) expect(resource, `${name} is a download, not a package resource`).toBeUndefined();
      else if (name !== "datapackage.json") expect(resource, name).toMatchObject({ hash: `sha256:${hash}`, bytes: bytes.length });
    }
  });

  it("writes the package's CSV without a BOM and its Excel copy with one, with the dictionary's columns", async () => {
    const plain = Buffer.from(await (await fetch(`${baseUrl}/data/results-2025.csv`)).arrayBuffer());
    expect(plain.subarray(0, 5).toString("utf8")).toBe("year,");
    const bytes = Buffer.from(await (await fetch(`${baseUrl}/data/results-2025-excel.csv`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).equals(plain)).toBe(true);
    const header = bytes.subarray(3).toString("utf8").split(/\r?\n/, 1)[0]!.split(",");
    const dictionary = await text("/data/columns.csv");
    for (const column of header) expect(dictionary, column).toContain(`results-<年份>.csv,${column},`);
    expect(bytes.toString("utf8")).toContain("清溪区实验小学");
  });
});

describe("balance pages ship no inline script and are in the search index with their facets", () => {
  it("has no inline script body on any balance page", async () => {
    for (const path of ["/schools/", "/schools/level/primary/", "/schools/shiyan-xiaoxue-primary/", "/balance/", "/balance/2023/", "/data/", "/methodology/", "/schools/compare/"]) {
      const html = await text(path);
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        expect(m[1], path).toMatch(/\bsrc="\/[^"]+"/);
        expect(m[2]!.trim(), path).toBe("");
      }
      expect(html, path).not.toMatch(/\sstyle="/);
    }
  });

  it("marks scorecards for the search with the facets 类型, 类别 and 乡镇; other list views stay out", async () => {
    const card = await text("/schools/shiyan-xiaoxue-primary/");
    expect(card).toContain("data-pagefind-body");
    expect(card).toMatch(/data-pagefind-filter="类型"[^>]*>学校评估</);
    expect(card).toMatch(/data-pagefind-filter="类别"[^>]*>小学</);
    expect(card).toMatch(/data-pagefind-filter="乡镇"[^>]*>清溪街道</);
    // /schools/ is a service page the search must find (issue 18 item 2, src/lib/search-scope.ts); the other list views stay out.
    expect(await text("/schools/")).toContain("data-pagefind-body");
    expect(await text("/schools/township/qingxi/")).not.toContain("data-pagefind-body");
  });
});
