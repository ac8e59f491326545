/**
 * `npm run data:check`: validates every content file without building the site, printing
 * each problem with its file, line and field; exits 1 when there is any. Covers the registry,
 * site.yaml and the yearly balance inputs (content/schools/<year>.csv, content/district/<year>.yaml).
 */
import { ContentError } from "./content-error";
import { readBalanceInputs } from "./balance";
import { contentRoot, readDistrict } from "./district";

try {
  const root = contentRoot();
  const district = await readDistrict(root);
  const { site, schools } = district;
  const years = await readBalanceInputs(root, district);
  console.log(`content/ is valid: ${site.district.name}, ${site.areas.length} areas, ${schools.length} schools.`);
  console.log(`Balance inputs: ${years.map((y) => `${y.year} (${y.sections.length} sections)`).join(", ") || "none"}.`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exit(1);
}
