/**
 * Reads and validates the demo district: `content/site.yaml` and the school registry
 * `content/schools/schools.csv`, each against its schema and then against each other.
 * Used by the content collections at build time and by the tests.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkDistrict } from "../domain/district/check-district";
import { SchoolRow, type School } from "../domain/district/school";
import { SiteConfig } from "../domain/district/site-config";
import { ContentError, problemCollector, type ContentProblem } from "./content-error";
import { parseCsv } from "./csv-file";
import { problemAt, readYaml, validateYaml } from "./yaml-file";

export const SITE_FILE = "content/site.yaml";
export const SCHOOLS_FILE = "content/schools/schools.csv";

export type District = { site: SiteConfig; schools: School[] };

/** Validates the two files' texts; throws a ContentError listing every problem. */
export function parseDistrict(siteText: string, schoolsText: string): District {
  const siteSource = readYaml(siteText, SITE_FILE);
  const [site, rows] = collectProblems(
    () => validateYaml(siteSource, SiteConfig),
    () => parseCsv(schoolsText, SCHOOLS_FILE, SchoolRow),
  );
  const schools = rows.map((r) => r.value);

  const problems: ContentProblem[] = checkDistrict(site, schools).map((p) =>
    p.file === "site"
      ? problemAt(siteSource, p.path, p.message)
      : { file: SCHOOLS_FILE, line: rows[p.row]?.line ?? null, field: p.column, message: p.message },
  );
  if (problems.length > 0) throw new ContentError(problems);
  return { site, schools };
}

/** Runs both file checks so one build reports the problems of both files at once. */
function collectProblems<A, B>(a: () => A, b: () => B): [A, B] {
  const { problems, attempt } = problemCollector();
  const ra = attempt(a);
  const rb = attempt(b);
  if (problems.length > 0 || ra === undefined || rb === undefined) throw new ContentError(problems);
  return [ra, rb];
}

/**
 * The folder holding `content/`: the project root, or `CONTENT_ROOT` when set (the build
 * benchmark points it at a generated district of thousands of schools).
 */
export function contentRoot(): string {
  return process.env.CONTENT_ROOT || process.cwd();
}

export async function readDistrict(root: string): Promise<District> {
  const [siteText, schoolsText] = await Promise.all([
    readFile(path.join(root, SITE_FILE), "utf8"),
    readFile(path.join(root, SCHOOLS_FILE), "utf8"),
  ]);
  return parseDistrict(siteText, schoolsText);
}
