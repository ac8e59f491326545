/**
 * The demo generator's model: yearly inputs for every school section, shaped so the demo
 * tells a realistic story (DOMAIN.md §2; issue 4): rural schools smaller and worse resourced,
 * key teachers concentrated in town at first, some sections one or two standards short, a
 * few indicators over the CV ceiling in the first year and improving later. Deterministic
 * for a given seed (pure-rand's xoroshiro128+), so the committed output can be regenerated
 * byte for byte. Used by `npm run data:generate` and by the build benchmark.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { stringify } from "csv-stringify/sync";
import { stringify as toYaml } from "yaml";
import { SECTION_YEAR_COLUMNS } from "../src/domain/balance/inputs";
import { QUALITY_INFO } from "../src/domain/balance/indicators";
import { sectionsOf, type School } from "../src/domain/district/school";
import type { Section } from "../src/domain/district/vocabulary";

export const DEMO_SEED = 20_170_606;
export const DEMO_YEARS = [2023, 2024, 2025] as const;

type Rng = () => number;
export function makeRng(seed: number): Rng {
  const g = xoroshiro128plus(seed);
  return () => uniformFloat64(g);
}
const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();
const int = (x: number) => Math.max(0, Math.round(x));

type Profile = { students: number; quality: number; keyFactor: number; avgClass: number; fundingGap: number };

/** A section's fixed character: its size, its resource level and how it changes over the years. */
function profileOf(rng: Rng, school: School, section: Section): Profile {
  const junior = section === "junior";
  if (school.special_education) return { students: int(between(rng, 70, 130)), quality: 1.4, keyFactor: 1.2, avgClass: 10, fundingGap: 1 };
  if (school.teaching_point) {
    // Most teaching points stay under 50 pupils (outside the resource set); some do not.
    return { students: int(rng() < 0.5 ? between(rng, 18, 46) : between(rng, 52, 70)), quality: between(rng, 0.82, 1.0), keyFactor: between(rng, 0.2, 0.6), avgClass: between(rng, 8, 14), fundingGap: rng() < 0.3 ? -1 : 1 };
  }
  switch (school.location_type) {
    case "urban":
      return { students: int(junior ? between(rng, 700, 1500) : between(rng, 900, 1900)), quality: between(rng, 1.05, 1.3), keyFactor: between(rng, 1.8, 5.4), avgClass: junior ? between(rng, 42, 47) : between(rng, 38, 43), fundingGap: 1 };
    case "town":
      return { students: int(junior ? between(rng, 400, 900) : between(rng, 450, 1000)), quality: between(rng, 0.97, 1.18), keyFactor: between(rng, 0.8, 1.4), avgClass: junior ? between(rng, 38, 46) : between(rng, 34, 42), fundingGap: rng() < 0.15 ? -1 : 1 };
    case "rural":
      return { students: int(junior ? between(rng, 150, 420) : between(rng, 90, 380)), quality: between(rng, 0.92, 1.12), keyFactor: between(rng, 0.35, 0.9), avgClass: between(rng, 18, 32), fundingGap: rng() < 0.3 ? -1 : 1 };
  }
}

export type DistrictFunding = Record<Section, number>;

/** One year's row of one section. `t` is 0, 1, 2 for the three years. */
function rowOf(rng: Rng, school: School, section: Section, p: Profile, t: number, minimum: DistrictFunding): Record<string, string | number> {
  const rural = school.location_type !== "urban";
  const students = Math.max(10, int(p.students * (1 + between(rng, -0.04, 0.05)) * (rural ? 1 - 0.02 * t : 1 + 0.02 * t)));
  // Rural resources catch up year by year; key teachers follow the rotation programme.
  const q = p.quality * (rural ? 1 + 0.07 * t : 1 + 0.01 * t);
  const key = rural ? p.keyFactor + 0.3 * t : p.keyFactor * (1 - 0.25 * t);
  const std = (id: keyof typeof QUALITY_INFO) => QUALITY_INFO[id].standard[section];
  const per100 = (x: number) => (x * students) / 100;
  const noise = () => between(rng, 0.93, 1.1);

  const classes = Math.max(1, Math.ceil(students / p.avgClass));
  const teachers = int(students / (section === "junior" ? 12.5 : 17) * between(rng, 1.0, 1.15)) + (rural ? 2 : 0);
  const qualified = Math.min(teachers, int(per100(std("R1") * q * noise() * 1.05)));
  const keyTeachers = Math.min(teachers, int(per100(std("R2") * key * noise())));
  const peArt = Math.min(teachers, int(per100(std("R3") * q * noise() * 1.1)));
  const senior = Math.min(teachers, int(teachers * between(rng, 0.35, 0.6) * (rural ? 0.8 : 1)));
  const multimedia = Math.min(classes * 2, int(per100(std("R7") * q * noise())));
  return {
    school_id: school.id,
    section,
    students,
    classes,
    teachers,
    qualified_teachers: qualified,
    key_teachers: keyTeachers,
    pe_art_teachers: peArt,
    senior_title_teachers: senior,
    teaching_area: Math.round(students * std("R4") * q * noise() * 10) / 10,
    sports_area: Math.round(students * std("R5") * (rural ? (t === 0 ? 2.1 : 1.5) : 0.95) * q * noise() * 10) / 10,
    equipment_value: Math.round(students * std("R6") * q * noise()),
    multimedia_classrooms: multimedia,
    computers: int(per100(between(rng, 8, 16) * q)),
    library_books: int(students * (section === "junior" ? 40 : 30) * q * noise()),
    largest_class: Math.max(Math.ceil(students / classes), int(p.avgClass + between(rng, 0, 4))),
    public_funding_per_student:
      school.special_education
        ? 6000 + int(between(rng, 0, 800))
        : minimum[section] + (rural ? (p.fundingGap < 0 && t === 0 ? 20 : 50 + int(between(rng, 0, 40))) : int(between(rng, 0, 80))),
  };
}

export const provincialMinimum = (t: number): DistrictFunding => ({ primary: 650 + 30 * t, junior: 850 + 30 * t });

/** Every section's rows for every year, in registry order. */
export function generateSectionYears(schools: readonly School[], years: readonly number[], seed: number): Map<number, Record<string, string | number>[]> {
  const rng = makeRng(seed);
  const out = new Map<number, Record<string, string | number>[]>(years.map((y) => [y, []]));
  for (const school of schools) {
    for (const section of sectionsOf(school)) {
      const profile = profileOf(rng, school, section);
      years.forEach((year, t) => out.get(year)!.push(rowOf(rng, school, section, profile, t, provincialMinimum(t))));
    }
  }
  return out;
}

export function sectionYearsCsv(rows: readonly Record<string, string | number>[]): string {
  return stringify(rows as Record<string, unknown>[], { header: true, columns: SECTION_YEAR_COLUMNS.map((c) => c.name) });
}

/** District inputs for year index t: migrant places, disabled enrolment and rotation improve. */
export function districtYaml(year: number, t: number, campusGroups: readonly string[]): string {
  const doc = {
    year,
    provincial_minimum_funding: provincialMinimum(t),
    migrant_children: { eligible: 1840 + 60 * t, in_public_places: Math.round((1840 + 60 * t) * [0.82, 0.87, 0.91][t]!) },
    disabled_children: { school_age: 118 + t, enrolled: [111, 114, 116][t]! },
    teacher_rotation: { eligible: 1260 + 10 * t, rotated: [101, 139, 152][t]!, key_rotated: [17, 31, 36][t]! },
    campus_group_subsidies: campusGroups.map((group, i) => ({ group, paid: t === 0 && i === campusGroups.length - 1 ? 60_000 : 100_000 })),
  };
  return `# Demo data (fictional), generated by scripts/generate-balance-demo.ts; do not edit by hand.\n# Field documentation: src/domain/balance/inputs.ts\n${toYaml(doc)}`;
}
