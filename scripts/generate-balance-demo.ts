/**
 * `npm run data:generate`: writes the demo balance inputs (content/schools/<year>.csv and
 * content/district/<year>.yaml) from the school registry with the fixed seed DEMO_SEED.
 * The output is committed; rerunning it reproduces the same files.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { readDistrict } from "../src/content-data/district";
import { DEMO_SEED, DEMO_YEARS, districtYaml, generateSectionYears, sectionYearsCsv } from "./balance-demo-data";

const root = process.argv[2] ?? process.cwd();
const { schools } = await readDistrict(root);
const rows = generateSectionYears(schools, DEMO_YEARS, DEMO_SEED);
const groups = [...new Set(schools.map((s) => s.campus_group).filter((g): g is string => g !== null))];
await mkdir(path.join(root, "content/district"), { recursive: true });
for (const [t, year] of DEMO_YEARS.entries()) {
  await writeFile(path.join(root, `content/schools/${year}.csv`), sectionYearsCsv(rows.get(year)!));
  await writeFile(path.join(root, `content/district/${year}.yaml`), districtYaml(year, t, groups));
}
console.log(`Wrote ${rows.get(DEMO_YEARS[0])!.length} sections × ${DEMO_YEARS.length} years under ${root}/content.`);
