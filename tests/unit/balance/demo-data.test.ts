import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readBalanceInputs } from "../../../src/content-data/balance";
import { readDistrict } from "../../../src/content-data/district";
import { QUALITY_INDICATORS } from "../../../src/domain/balance/indicators";
import { buildBalanceReport } from "../../../src/domain/balance/report";
import { DEMO_SEED, DEMO_YEARS, districtYaml, generateSectionYears, sectionYearsCsv } from "../../../scripts/balance-demo-data";

const district = await readDistrict(process.cwd());
const inputs = await readBalanceInputs(process.cwd(), district);
const years = buildBalanceReport(inputs);

describe("the committed demo data", () => {
  it("is exactly what the generator writes with the fixed seed", () => {
    const rows = generateSectionYears(district.schools, DEMO_YEARS, DEMO_SEED);
    const groups = [...new Set(district.schools.map((s) => s.campus_group).filter((g): g is string => g !== null))];
    for (const [t, year] of DEMO_YEARS.entries()) {
      expect(readFileSync(`content/schools/${year}.csv`, "utf8"), `${year}.csv`).toBe(sectionYearsCsv(rows.get(year)!));
      expect(readFileSync(`content/district/${year}.yaml`, "utf8"), `${year}.yaml`).toBe(districtYaml(year, t, groups));
    }
  });

  it("covers at least 60 sections in three years", () => {
    expect(inputs.map((y) => y.year)).toEqual([...DEMO_YEARS]);
    for (const y of inputs) expect(y.sections.length).toBeGreaterThanOrEqual(60);
  });

  it("has smaller rural schools and some sections one or two standards short", () => {
    const first = inputs[0]!.sections.filter((s) => !s.teachingPoint && !s.specialEducation);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const urban = mean(first.filter((s) => s.locationType === "urban").map((s) => s.inputs.students));
    const rural = mean(first.filter((s) => s.locationType === "rural").map((s) => s.inputs.students));
    expect(rural).toBeLessThan(urban / 2);
    const shortByOneOrTwo = years[0]!.sections.filter((s) => s.in_scope && (s.standards_met === 5 || s.standards_met === 6));
    expect(shortByOneOrTwo.length).toBeGreaterThan(0);
  });

  it("has indicators over the CV ceiling in the first year that improve by the last", () => {
    const over = (i: number) => (["primary", "junior"] as const).flatMap((l) => QUALITY_INDICATORS.filter((id) => !years[i]!.levels[l]!.quality[id].pass).map((id) => `${l}:${id}`));
    const first = over(0);
    expect(first.length).toBeGreaterThan(0);
    expect(over(years.length - 1).length).toBeLessThan(first.length);
    for (const key of first) {
      const [level, id] = key.split(":") as ["primary" | "junior", (typeof QUALITY_INDICATORS)[number]];
      expect(years.at(-1)!.levels[level]!.quality[id].cv!).toBeLessThan(years[0]!.levels[level]!.quality[id].cv!);
    }
  });
});
