/**
 * `npm run data:check`: validates every content file without building the site, printing
 * each problem with its file, line and field; exits 1 when there is any.
 */
import { ContentError } from "./content-error";
import { readDepartments } from "./departments";
import { readDistrict } from "./district";
import { readPolicy } from "./policy";

try {
  const { site, schools } = await readDistrict(process.cwd());
  console.log(`content/ is valid: ${site.district.name}, ${site.areas.length} areas, ${schools.length} schools.`);
  const policy = await readPolicy(process.cwd(), site.policy.fill);
  const departments = await readDepartments(process.cwd(), policy);
  const commitments = departments.reduce((n, d) => n + d.commitments.length, 0);
  console.log(`content/policy and content/departments are valid: ${policy.chapters.length} chapters, ${departments.length} bodies, ${commitments} commitments.`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exit(1);
}
