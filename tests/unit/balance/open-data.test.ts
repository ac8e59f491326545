import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { readBalanceInputs } from "../../../src/content-data/balance";
import { readDistrict } from "../../../src/content-data/district";
import { buildBalanceReport } from "../../../src/domain/balance/report";
import { dataPackage, openDataFiles, sha256, withChecksums } from "../../../src/lib/open-data";

const district = await readDistrict(process.cwd());
const inputs = await readBalanceInputs(process.cwd(), district);
const years = buildBalanceReport(inputs);
const files = openDataFiles({ inputs, years, latest: years.at(-1)! }, district);

describe("the open-data files", () => {
  it("publish every CSV resource without a BOM, and an Excel copy with one", () => {
    const resources = files.filter((x) => x.format === "csv" && !x.excelCopyOf);
    expect(resources.length).toBe(years.length * 3 + 2);
    for (const f of resources) {
      expect(f.text.startsWith("\uFEFF"), f.name).toBe(false);
      const copy = files.find((x) => x.excelCopyOf === f.name)!;
      expect(copy.name, f.name).toBe(f.name.replace(/\.csv$/, "-excel.csv"));
      expect(copy.text, copy.name).toBe(`\uFEFF${f.text}`);
    }
  });

  it("read cleanly, as a Frictionless reader would: strict CSV, first header = the schema's first field, every cell casts", async () => {
    const pkg = JSON.parse(dataPackage(await withChecksums(files), district)) as {
      resources: { path: string; schema?: { fields: { name: string; type: string }[] } }[];
    };
    const csvResources = pkg.resources.filter((r) => r.schema);
    expect(csvResources.length).toBe(years.length * 3 + 2);
    const casts: Record<string, (v: string) => boolean> = {
      string: () => true,
      integer: (v) => /^-?\d+$/.test(v),
      number: (v) => v.trim() !== "" && Number.isFinite(Number(v)),
      boolean: (v) => v === "true" || v === "false",
    };
    for (const r of csvResources) {
      const text = files.find((f) => f.name === r.path)!.text;
      // No `bom` option: a BOM would stay in the first header, as it does for the Frictionless JS library.
      const [header, ...rows] = parse(text, { relax_column_count: false, relax_quotes: false }) as string[][];
      const fields = r.schema!.fields;
      expect(header![0], r.path).toBe(fields[0]!.name);
      expect(header, r.path).toEqual(fields.map((x) => x.name));
      for (const row of rows) {
        row.forEach((cell, i) => {
          if (cell === "") return; // missing value
          expect(casts[fields[i]!.type]!(cell), `${r.path} ${fields[i]!.name} “${cell}”`).toBe(true);
        });
      }
    }
    // A BOM would make the first header "\uFEFFid" and fail the check above.
    const bommed = parse(files.find((f) => f.excelCopyOf)!.text) as string[][];
    expect(bommed[0]![0]!.startsWith("\uFEFF")).toBe(true);
  });

  it("write the same numbers into the results CSV as into the JSON", () => {
    const latest = years.at(-1)!;
    const csv = files.find((f) => f.name === `results-${latest.year}.csv`)!;
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(latest.sections.length);
    rows.forEach((row, i) => {
      const s = latest.sections[i]!;
      expect(row.year).toBe(String(latest.year));
      expect(row.id).toBe(s.id);
      expect(Number(row.R1_value)).toBe(s.quality.R1.value);
      expect(Number(row.R6_district_mean)).toBe(s.quality.R6.district_mean);
      expect(row.result).toBe(s.result);
    });
  });

  it("publish the unweighted CV beside the weighted one in district-<year>.csv, its schema and the column dictionary", async () => {
    // 2024 primary R2 is the published case where the weighting decides the verdict (issue 17).
    const y2024 = years.find((y) => y.year === 2024)!;
    const csv = files.find((f) => f.name === "district-2024.csv")!;
    const header = csv.text.split("\n")[0]!.split(",");
    expect(header.slice(header.indexOf("cv"), header.indexOf("cv") + 3)).toEqual(["cv", "unweighted_cv", "weighting_changes_verdict"]);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    const r2 = rows.find((r) => r.level === "primary" && r.method === "2017" && r.indicator === "R2")!;
    const q = y2024.levels.primary!.quality.R2;
    expect(q.weighting_changes_verdict).toBe(true);
    expect([Number(r2.cv), Number(r2.unweighted_cv), r2.weighting_changes_verdict, r2.pass]).toEqual([q.cv, q.unweighted_cv, "true", String(q.pass)]);
    // The 2012 rows have no unweighted figure: the cell is empty, not 0.
    expect(rows.filter((r) => r.method === "2012").every((r) => r.unweighted_cv === "" && r.weighting_changes_verdict === "")).toBe(true);
    const pkg = JSON.parse(dataPackage(await withChecksums(files), district)) as { resources: { path: string; schema?: { fields: { name: string; type: string }[] } }[] };
    const schema = pkg.resources.find((r) => r.path === "district-2024.csv")!.schema!;
    expect(schema.fields.map((f) => f.name)).toEqual(header);
    expect(schema.fields.find((f) => f.name === "unweighted_cv")?.type).toBe("number");
    const { columnDictionary } = await import("../../../src/lib/open-data");
    expect(columnDictionary().filter((c) => c.file === "district-<年份>.csv").map((c) => c.column)).toEqual(header);
  });

  it("describe each file in datapackage.json with its SHA-256 and size", async () => {
    const pkg = JSON.parse(dataPackage(await withChecksums(files), district)) as { resources: { path: string; hash: string; bytes: number; schema?: unknown }[]; title: string };
    expect(pkg.title).toContain("演示数据");
    const resources = files.filter((f) => !f.excelCopyOf);
    expect(pkg.resources.map((r) => r.path)).toEqual(resources.map((f) => f.name));
    for (const f of resources) {
      const r = pkg.resources.find((x) => x.path === f.name)!;
      expect(r.hash).toBe(`sha256:${createHash("sha256").update(f.text, "utf8").digest("hex")}`);
      expect(r.bytes).toBe(Buffer.byteLength(f.text, "utf8"));
      expect(r.schema !== undefined).toBe(f.format === "csv");
    }
  });

  it("hashes with SHA-256 (known vector)", async () => {
    expect(await sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("scope published and reproducible", () => {
  it("publishes the school registry with the flags that decide scope, and the package's homepage, sources and data date", async () => {
    const registry = parse(files.find((f) => f.name === "schools.csv")!.text, { columns: true }) as Record<string, string>[];
    expect(registry).toHaveLength(district.schools.length);
    const point = registry.find((r) => r.teaching_point === "true")!;
    expect(point).toMatchObject({ special_education: "false" });
    expect(point.township_name!.length).toBeGreaterThan(1);
    expect(registry.some((r) => r.special_education === "true")).toBe(true);
    expect(registry.some((r) => r.campus_group !== "")).toBe(true);
    // Every excluded section of the latest year follows from the registry and its students.
    const latest = years.at(-1)!;
    for (const s of latest.sections.filter((x) => !x.in_scope)) {
      const r = registry.find((x) => x.id === s.school_id)!;
      expect(r.special_education === "true" || (r.teaching_point === "true" && s.inputs.students < 50), s.id).toBe(true);
    }
    const pkg = JSON.parse(dataPackage(await withChecksums(files), district)) as { homepage: string; sources: { title: string }[]; data_date: string };
    expect(pkg.homepage).toBe(`${district.site.open_data.site_url}/data/`);
    expect(pkg.homepage).toMatch(/^https:\/\/(?!localhost)/);
    expect(pkg.sources.length).toBeGreaterThan(0);
    expect(pkg.data_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("refuses a site.yaml without a public https address for the package", async () => {
    const { SiteConfig } = await import("../../../src/domain/district/site-config");
    const { parse: yaml } = await import("yaml");
    const { readFileSync } = await import("node:fs");
    const site = yaml(readFileSync("content/site.yaml", "utf8")) as Record<string, Record<string, unknown>>;
    expect(SiteConfig.safeParse(site).success).toBe(true);
    const without = { ...site, open_data: { ...site.open_data, site_url: undefined } };
    expect(SiteConfig.safeParse(without).success).toBe(false);
    expect(SiteConfig.safeParse({ ...site, open_data: { ...site.open_data, site_url: "http://localhost:4321" } }).success).toBe(false);
  });
});
