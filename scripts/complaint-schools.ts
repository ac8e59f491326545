/**
 * The school directory the complaint API validates against and renders no-JS form answers
 * with. The API runs on the Worker too, where content/ cannot be read, so the registry's
 * ids and names are compiled, with the hotlines of content/site.yaml, into `src/domain/complaint/directory.generated.ts`; a unit test
 * fails (with this command in its message) whenever the registry and the module disagree.
 * Regenerate with `npx tsx scripts/generate-complaint-schools.ts`.
 */
import type { School } from "../src/domain/district/school";
import type { SiteConfig } from "../src/domain/district/site-config";

export const SCHOOLS_MODULE = "src/domain/complaint/directory.generated.ts";

export function schoolsModule(schools: readonly Pick<School, "id" | "name">[], hotlines: SiteConfig["hotlines"]): string {
  const rows = schools.map((s) => `  { id: ${JSON.stringify(s.id)}, name: ${JSON.stringify(s.name)} },`).join("\n");
  return `// Generated from content/schools/schools.csv and content/site.yaml by scripts/generate-complaint-schools.ts. Do not edit.
export const SCHOOL_DIRECTORY = [
${rows}
] as const;

export const HOTLINES = { education: ${JSON.stringify(hotlines.education)}, emergency: ${JSON.stringify(hotlines.emergency)} } as const;
`;
}
