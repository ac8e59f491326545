/**
 * Reads and validates the yearly balance inputs: every `content/schools/<year>.csv` (one row
 * per school section) and its `content/district/<year>.yaml`, each against its schema and then
 * against the school registry, naming file, line, column and rule for every problem. Returns
 * the inputs ready for `buildBalanceReport`.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { DistrictYear, SectionYearRow } from "../domain/balance/inputs";
import { sectionId, type YearInput } from "../domain/balance/report";
import { sectionsOf } from "../domain/district/school";
import { SECTION_LABELS } from "../domain/district/vocabulary";
import { ContentError, problemCollector, type ContentProblem } from "./content-error";
import { parseCsv } from "./csv-file";
import type { District } from "./district";
import { problemAt, readYaml, validateYaml } from "./yaml-file";

export const yearCsvFile = (year: number) => `content/schools/${year}.csv`;
export const yearYamlFile = (year: number) => `content/district/${year}.yaml`;

/** Validates one year's two files against each other and the registry; throws every problem at once. */
export function parseBalanceYear(district: District, year: number, csvText: string, yamlText: string | null): YearInput {
  const csvFile = yearCsvFile(year);
  const yamlFile = yearYamlFile(year);
  const { problems, attempt } = problemCollector();
  const rows = attempt(() => parseCsv(csvText, csvFile, SectionYearRow));
  let districtYear: DistrictYear | undefined;
  if (yamlText === null) problems.push({ file: yamlFile, line: null, field: "（文件）", message: `缺少${year}学年的区级数据文件` });
  else {
    const source = attempt(() => readYaml(yamlText, yamlFile));
    if (source) {
      districtYear = attempt(() => validateYaml(source, DistrictYear));
      if (districtYear && districtYear.year !== year) problems.push(problemAt(source, ["year"], `应为${year}，与文件名一致`));
      const groups = new Set(district.schools.map((s) => s.campus_group).filter(Boolean));
      districtYear?.campus_group_subsidies.forEach((g, i) => {
        if (!groups.has(g.group)) problems.push(problemAt(source, ["campus_group_subsidies", i, "group"], `学校名册中没有“一校两区”组 “${g.group}”`));
      });
    }
  }

  const sections: YearInput["sections"] = [];
  if (rows) {
    const schools = new Map(district.schools.map((s) => [s.id, s]));
    const seen = new Set<string>();
    for (const { line, value } of rows) {
      const school = schools.get(value.school_id);
      const id = sectionId(value.school_id, value.section);
      if (!school) {
        problems.push({ file: csvFile, line, field: "school_id", message: `学校名册中没有id为 “${value.school_id}” 的学校` });
      } else if (!sectionsOf(school).includes(value.section)) {
        problems.push({ file: csvFile, line, field: "section", message: `“${school.name}” 没有${SECTION_LABELS[value.section]}` });
      } else if (seen.has(id)) {
        problems.push({ file: csvFile, line, field: "school_id", message: `“${school.name}”的${SECTION_LABELS[value.section]}重复出现` });
      } else {
        seen.add(id);
        sections.push({
          id,
          schoolId: school.id,
          name: school.name,
          section: value.section,
          township: school.township,
          locationType: school.location_type,
          teachingPoint: school.teaching_point,
          specialEducation: school.special_education,
          nineYear: school.sections === "primary+junior",
          campusGroup: school.campus_group,
          inputs: value,
        });
      }
    }
    for (const school of district.schools)
      for (const section of sectionsOf(school))
        if (!seen.has(sectionId(school.id, section)) && schools.has(school.id))
          problems.push({ file: csvFile, line: null, field: "school_id", message: `缺少 “${school.name}”${SECTION_LABELS[section]}（${school.id}, ${section}）这一行` });
  }
  if (problems.length > 0 || !districtYear) throw new ContentError(problems);
  return { year, district: districtYear, sections };
}

/** The years that have a `content/schools/<year>.csv`, ascending. */
export async function balanceYears(root: string): Promise<number[]> {
  const names = await readdir(path.join(root, "content/schools"));
  return names.flatMap((n) => (/^\d{4}\.csv$/.test(n) ? [Number(n.slice(0, 4))] : [])).sort((a, b) => a - b);
}

export async function readBalanceInputs(root: string, district: District): Promise<YearInput[]> {
  const years = await balanceYears(root);
  const problems: ContentProblem[] = [];
  const out: YearInput[] = [];
  for (const year of years) {
    const csv = await readFile(path.join(root, yearCsvFile(year)), "utf8");
    const yaml = await readFile(path.join(root, yearYamlFile(year)), "utf8").catch(() => null);
    try {
      out.push(parseBalanceYear(district, year, csv, yaml));
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ContentError(problems);
  return out;
}
