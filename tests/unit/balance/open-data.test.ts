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
  it("give every CSV a BOM and exactly the columns its schema declares", () => {
    for (const f of files.filter((x) => x.format === "csv")) {
      expect(f.text.startsWith("\uFEFF"), f.name).toBe(true);
      const [header] = parse(f.text, { bom: true, to_line: 1 }) as string[][];
      expect(header, f.name).toEqual(f.fields!.map((x) => x.name));
    }
  });

  it("write the same numbers into the results CSV as into the JSON", () => {
    const latest = years.at(-1)!;
    const csv = files.find((f) => f.name === `results-${latest.year}.csv`)!;
    const rows = parse(csv.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(latest.sections.length);
    rows.forEach((row, i) => {
      const s = latest.sections[i]!;
      expect(row.id).toBe(s.id);
      expect(Number(row.R1_value)).toBe(s.quality.R1.value);
      expect(Number(row.R6_district_mean)).toBe(s.quality.R6.district_mean);
      expect(row.result).toBe(s.result);
    });
  });

  it("describe each file in datapackage.json with its SHA-256 and size", async () => {
    const pkg = JSON.parse(dataPackage(await withChecksums(files), district, "https://example.cn")) as { resources: { path: string; hash: string; bytes: number; schema?: unknown }[]; title: string };
    expect(pkg.title).toContain("演示数据");
    expect(pkg.resources.map((r) => r.path)).toEqual(files.map((f) => f.name));
    for (const f of files) {
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
