/**
 * What a scorecard page looks up besides its own section (issue 21, build): the school's
 * registry row, the township's name, the communities whose catchment (施教区) names the
 * school at this level, and the seats of the current intake. Built once per build from the
 * district and the catalogue, as maps keyed by id, so each of thousands of scorecards reads
 * them in constant time instead of searching the registry, every community and the catalogue
 * again (the first match wins, as `Array.find` did).
 */
import type { District } from "../content-data/district";
import type { SectionReport } from "../domain/balance/report";
import type { Catalogue } from "../domain/enrolment/catalogue";
import type { School } from "../domain/district/school";
import type { Community } from "../domain/district/site-config";
import { SECTIONS } from "../domain/district/vocabulary";

export type ScorecardFacts = {
  school: School | undefined;
  township: string;
  catchment: Community[];
  seats: number | null;
};

type Section = Pick<SectionReport, "id" | "school_id" | "section" | "township">;

/** Map with the first value kept for each key. */
function firstBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T> {
  const map = new Map<K, T>();
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

export function scorecardLookups({ site, schools }: District, catalogue: Catalogue): (s: Section) => ScorecardFacts {
  const schoolById = firstBy(schools, (x) => x.id);
  const townshipName = new Map<string, string>();
  for (const a of site.areas) if (!townshipName.has(a.id)) townshipName.set(a.id, a.name);
  const seatsById = firstBy(catalogue.sections, (x) => x.id);
  // level → school id → communities, in the order of content/site.yaml.
  const catchments = new Map(SECTIONS.map((level) => [level, new Map<string, Community[]>()]));
  for (const a of site.areas) {
    for (const c of a.communities) {
      for (const level of SECTIONS) {
        const bySchool = catchments.get(level)!;
        // A community that names a school twice is listed once, as the filter over communities did.
        for (const schoolId of new Set(c.catchment[level])) bySchool.set(schoolId, [...(bySchool.get(schoolId) ?? []), c]);
      }
    }
  }
  return (s) => ({
    school: schoolById.get(s.school_id),
    township: townshipName.get(s.township) ?? s.township,
    catchment: catchments.get(s.section)?.get(s.school_id) ?? [],
    seats: seatsById.get(s.id)?.seats ?? null,
  });
}
