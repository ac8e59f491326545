/**
 * The school directory the complaint API validates against and renders no-JS form answers
 * with. The API runs on the Worker too, where content/ cannot be read, so the registry's
 * ids and names are compiled, with the hotlines of content/site.yaml, into `src/domain/complaint/directory.generated.ts`; a unit test
 * fails (with this command in its message) whenever the registry and the module disagree.
 * Regenerate with `npx tsx scripts/generate-complaint-schools.ts`.
 */
import type { School } from "../src/domain/district/school";
import type { Area, SiteConfig } from "../src/domain/district/site-config";

export const SCHOOLS_MODULE = "src/domain/complaint/directory.generated.ts";

/**
 * The module's text. `SCHOOL_GROUPS` is what the form's school list shows: the schools by
 * township (in site.yaml's order), each ordered by name in Chinese collation, computed here
 * at generation so the browser, the build and the Worker never depend on a collation table.
 */
export function schoolsModule(schools: readonly Pick<School, "id" | "name" | "township">[], hotlines: SiteConfig["hotlines"], areas: readonly Pick<Area, "id" | "name">[]): string {
  const rows = schools.map((s) => `  { id: ${JSON.stringify(s.id)}, name: ${JSON.stringify(s.name)} },`).join("\n");
  const collator = new Intl.Collator("zh-Hans-CN");
  const groups = areas
    .map((a) => ({ township: a.name, ids: schools.filter((s) => s.township === a.id).sort((x, y) => collator.compare(x.name, y.name)).map((s) => s.id) }))
    .filter((g) => g.ids.length > 0)
    .map((g) => `  { township: ${JSON.stringify(g.township)}, schools: ${JSON.stringify(g.ids)} },`)
    .join("\n");
  return `// Generated from content/schools/schools.csv and content/site.yaml by scripts/generate-complaint-schools.ts. Do not edit.
export const SCHOOL_DIRECTORY = [
${rows}
] as const;

/** The schools by township (site.yaml's order), each ordered by name: the form's grouped list. */
export const SCHOOL_GROUPS = [
${groups}
] as const;

export const HOTLINES = { education: ${JSON.stringify(hotlines.education)}, emergency: ${JSON.stringify(hotlines.emergency)} } as const;
`;
}
