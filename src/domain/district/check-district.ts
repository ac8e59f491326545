/**
 * Rules that span the two district files: every reference resolves and the registry is
 * coherent. Schemas check each file alone; this checks them together. Problems carry a
 * path into the file they belong to, so the loader can name the line.
 */
import type { School } from "./school";
import { sectionsOf } from "./school";
import type { SiteConfig } from "./site-config";
import { SECTION_LABELS, SECTIONS } from "./vocabulary";

export type DistrictProblem =
  | { file: "site"; path: (string | number)[]; message: string }
  | { file: "schools"; row: number; column: keyof School; message: string };

export function checkDistrict(site: SiteConfig, schools: School[]): DistrictProblem[] {
  const problems: DistrictProblem[] = [];
  const areaIds = new Set<string>();
  const communityIds = new Set<string>();
  site.areas.forEach((area, a) => {
    if (areaIds.has(area.id)) {
      problems.push({ file: "site", path: ["areas", a, "id"], message: `乡镇或街道id “${area.id}” 重复` });
    }
    areaIds.add(area.id);
    area.communities.forEach((community, c) => {
      if (communityIds.has(community.id)) {
        problems.push({
          file: "site",
          path: ["areas", a, "communities", c, "id"],
          message: `社区id “${community.id}” 重复`,
        });
      }
      communityIds.add(community.id);
    });
  });

  const byId = new Map<string, School>();
  schools.forEach((school, row) => {
    if (byId.has(school.id)) {
      problems.push({ file: "schools", row, column: "id", message: `学校id “${school.id}” 重复` });
    }
    byId.set(school.id, school);
    if (!areaIds.has(school.township)) {
      problems.push({
        file: "schools",
        row,
        column: "township",
        message: `site.yaml中没有id为 “${school.township}” 的乡镇或街道`,
      });
    }
  });

  const groups = new Map<string, number[]>();
  schools.forEach((school, row) => {
    if (school.campus_group) groups.set(school.campus_group, [...(groups.get(school.campus_group) ?? []), row]);
  });
  for (const [group, rows] of groups) {
    if (rows.length < 2) {
      problems.push({
        file: "schools",
        row: rows[0] ?? 0,
        column: "campus_group",
        message: `“一校两区”组 “${group}” 只有一所学校，至少需要两个校区`,
      });
    }
  }

  site.areas.forEach((area, a) =>
    area.communities.forEach((community, c) =>
      SECTIONS.forEach((section) =>
        community.catchment[section].forEach((schoolId, s) => {
          const school = byId.get(schoolId);
          const path = ["areas", a, "communities", c, "catchment", section, s];
          if (!school) {
            problems.push({ file: "site", path, message: `学校名册中没有id为 “${schoolId}” 的学校` });
          } else if (!sectionsOf(school).includes(section)) {
            problems.push({
              file: "site",
              path,
              message: `“${school.name}” 没有${SECTION_LABELS[section]}，不能作为${SECTION_LABELS[section]}施教区学校`,
            });
          }
        }),
      ),
    ),
  );
  return problems;
}
