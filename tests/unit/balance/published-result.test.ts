import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { readBalanceInputs } from "../../../src/content-data/balance";
import { readDistrict } from "../../../src/content-data/district";
import { PublishedSection } from "../../../src/domain/balance/published-result";
import { buildBalanceReport } from "../../../src/domain/balance/report";
import { csvTable } from "../../../src/lib/csv-table";
import { columnDictionary, dataPackage, openDataFiles, withChecksums } from "../../../src/lib/open-data";
import { z } from "../../../src/domain/zod";

const district = await readDistrict(process.cwd());
const inputs = await readBalanceInputs(process.cwd(), district);
const years = buildBalanceReport(inputs);
const latest = years.at(-1)!;
const files = openDataFiles({ inputs, years, latest }, district);
const table = csvTable(PublishedSection);

/** Every key path of a value, depth first, in its own key order. */
const keyPaths = (v: unknown, at = ""): string[] =>
  v !== null && typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => [`${at}${k}`, ...keyPaths(x, `${at}${k}.`)]) : [];

describe("the published scorecard row, declared once", () => {
  it("gives every field of the schema, nested ones too, a description", () => {
    const walk = (shape: Record<string, z.ZodType>, at: string): void => {
      for (const [key, field] of Object.entries(shape)) {
        expect(field.meta()?.description, `${at}${key}`).toBeTruthy();
        const inner = field instanceof z.ZodNullable ? field.unwrap() : field;
        if (inner instanceof z.ZodObject) walk(inner.shape, `${at}${key}.`);
      }
    };
    walk(PublishedSection.shape, "");
  });

  it("writes the results CSV header in the schema's order", () => {
    const csv = files.find((f) => f.name === `results-${latest.year}.csv`)!;
    const [header] = parse(csv.text, { to_line: 1 }) as string[][];
    // The year first (issue 17: a results file read on its own says which year it is), then the schema's fields.
    expect(header).toEqual(["year", ...table.fields.map((f) => f.name)]);
    expect(header!.slice(0, 5)).toEqual(["year", "id", "school_id", "name", "section"]);
    expect(header).toContain("R1_value");
    expect(header).toContain("B8");
    expect(header).not.toContain("inputs");
    for (const f of table.fields) expect(f.description.length, f.name).toBeGreaterThan(0);
  });

  it("declares the same columns in datapackage.json and in the column dictionary", async () => {
    const pkg = JSON.parse(dataPackage(await withChecksums(files), district)) as {
      resources: { path: string; schema?: { fields: { name: string; type: string; description: string }[] } }[];
    };
    const fields = pkg.resources.find((r) => r.path === `results-${latest.year}.csv`)!.schema!.fields;
    expect(fields.slice(1)).toEqual(table.fields);
    expect(fields[0]).toMatchObject({ name: "year", type: "integer" });
    const dictionary = columnDictionary().filter((c) => c.file === "results-<年份>.csv");
    expect(dictionary.map(({ column, type, description }) => ({ name: column, type, description }))).toEqual(fields);
  });

  it("publishes each section in the JSON with exactly the schema's fields, in its order", () => {
    const json = JSON.parse(files.find((f) => f.name === `balance-${latest.year}.json`)!.text) as { sections: unknown[] };
    for (const section of json.sections) {
      const parsed = PublishedSection.parse(section);
      expect(parsed).toEqual(section);
      expect(keyPaths(section)).toEqual(keyPaths(parsed));
    }
  });

  it("flattens a field added to a schema into a described column, and refuses an undocumented one", () => {
    const Extended = PublishedSection.extend({ playground_ok: z.boolean().describe("是否有运动场") });
    const extended = csvTable(Extended);
    expect(extended.fields.at(-1)).toEqual({ name: "playground_ok", type: "boolean", description: "是否有运动场" });
    expect(extended.row({ ...latest.sections[0]!, playground_ok: true }).playground_ok).toBe(true);
    expect(() => csvTable(z.object({ silent: z.number() }))).toThrow(/description/);
  });

  it("writes null as an empty cell and a scope reason as its label", () => {
    const out = latest.sections.find((s) => s.scope_reason !== null);
    expect(out, "the demo data has a section out of scope").toBeDefined();
    const row = table.row(out!);
    expect(row.scope_reason).toMatch(/不纳入资源配置差异系数计算/);
    expect(row.in_scope).toBe(false);
    expect(table.row({ ...out!, multimedia_percent: null }).multimedia_percent).toBe("");
  });
});
