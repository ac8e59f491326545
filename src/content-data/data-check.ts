/**
 * `npm run data:check`: validates every content file without building the site, printing
 * each problem with its file, line and field; exits 1 when there is any. Covers the registry,
 * site.yaml, the policy, the departments and the yearly balance inputs
 * (content/schools/<year>.csv, content/district/<year>.yaml) and the intakes
 * (content/intakes/<id>.yaml) and the reply templates (content/reply-templates.yaml).
 */
import { ContentError } from "./content-error";
import { readBalanceInputs } from "./balance";
import { readDepartments } from "./departments";
import { readIntakes } from "./intakes";
import { contentRoot, readDistrict } from "./district";
import { readPolicy } from "./policy";
import { readSearchVocabulary } from "./search-vocabulary";
import { readReplyTemplates } from "./reply-templates";
import { checkCitedFiguresIn } from "./cited-figures";
import { buildBalanceReport } from "../domain/balance/report";

try {
  const root = contentRoot();
  const district = await readDistrict(root);
  const { site, schools } = district;
  const years = await readBalanceInputs(root, district);
  console.log(`content/ is valid: ${site.district.name}, ${site.areas.length} areas, ${schools.length} schools.`);
  console.log(`Balance inputs: ${years.map((y) => `${y.year} (${y.sections.length} sections)`).join(", ") || "none"}.`);
  const policy = await readPolicy(root, site.policy.fill);
  const departments = await readDepartments(root, policy);
  const commitments = departments.reduce((n, d) => n + d.commitments.length, 0);
  await checkCitedFiguresIn(root, departments, buildBalanceReport(years));
  console.log(`content/policy and content/departments are valid: ${policy.chapters.length} chapters, ${departments.length} bodies, ${commitments} commitments.`);
  const search = await readSearchVocabulary(root);
  console.log(`content/search.yaml is valid: ${search.synonyms.length} synonym groups, keywords for ${Object.keys(search.keywords).length} pages.`);
  const replies = await readReplyTemplates(root);
  console.log(`content/reply-templates.yaml is valid: ${replies.common.length} common templates, ${Object.values(replies.categories).reduce((n, t) => n + t.length, 0)} by category.`);
  const intakes = await readIntakes(root, district);
  console.log(`content/intakes is valid: ${intakes.map((i) => `${i.id} (${i.grades.reduce((n, g) => n + g.seats.length, 0)} sections)`).join(", ") || "none"}.`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exit(1);
}
