/**
 * `npm run data:check`: validates every content file without building the site, printing
 * each problem with its file, line and field; exits 1 when there is any.
 */
import { ContentError } from "./content-error";
import { readDistrict } from "./district";

try {
  const { site, schools } = await readDistrict(process.cwd());
  console.log(`content/ is valid: ${site.district.name}, ${site.areas.length} areas, ${schools.length} schools.`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exit(1);
}
