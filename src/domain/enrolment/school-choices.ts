/**
 * The schools a family may rank (issue 16 item 4): EVERY section that serves the chosen
 * grade, no cap. Deferred acceptance is strategy-proof only when a family can list every
 * school it would accept; with a cap, a family must guess which schools are "safe", and the
 * promise that ranking truthfully is best breaks. Lists are ordered for the family: its
 * catchment (施教区) sections first, then the rest of its township, then the others, by name.
 */
import { communityOf, sectionsForGrade, type Catalogue, type CatalogueSection } from "./catalogue";

/** The most sections any grade of the intake has: the longest list a family can give. */
export function maxPreferences(catalogue: Catalogue): number {
  return Math.max(1, ...catalogue.intake.grades.map((g) => sectionsForGrade(catalogue, g.grade).length));
}

/** A grade's sections in the order a family sees them, each marked when it is the community's catchment school. */
export function schoolChoices(catalogue: Catalogue, grade: string, place: { area?: string; community?: string } = {}): (CatalogueSection & { catchment: boolean })[] {
  const community = place.area && place.community ? communityOf(catalogue, place.area, place.community) : undefined;
  const catchment = (community?.catchment[grade as keyof typeof community.catchment] ?? []) as string[];
  const rank = (s: CatalogueSection) => (catchment.includes(s.id) ? 0 : s.areaId === place.area ? 1 : 2);
  return sectionsForGrade(catalogue, grade)
    .map((s) => ({ ...s, catchment: catchment.includes(s.id) }))
    .sort((a, b) => rank(a) - rank(b) || (rank(a) === 0 ? catchment.indexOf(a.id) - catchment.indexOf(b.id) : a.name.localeCompare(b.name, "zh-CN")));
}

/** Why ranking every acceptable school, truthfully, is safe (shown beside the list and on /enrol/). */
export const HONEST_RANKING =
  "请按真实意愿排序：把最想去的学校放在第一位，愿意去的学校都可以填上，本年级的学校不限数量。分配采用学生提议的延迟接受算法：一所学校是否录取您，只看您的优先条件，不看您把它排在第几；排在后面的志愿只在前面的志愿都没有录取时才会用到。所以如实排序、多填愿意去的学校，不会让您吃亏，提交时间的先后也不影响结果。";

export type CatchmentAnswer = {
  area: { id: string; name: string };
  community: { id: string; name: string };
  grades: { grade: string; sections: CatalogueSection[] }[];
};

/** "我家孩子能上哪所学校" (issue 16 item 5): a community's catchment sections for each grade of the intake (or one grade). Community ids are unique in site.yaml. */
export function catchmentOf(catalogue: Catalogue, communityId: string, grade?: string): CatchmentAnswer | null {
  for (const area of catalogue.areas) {
    const community = area.communities.find((c) => c.id === communityId);
    if (!community) continue;
    const grades = catalogue.intake.grades.filter((g) => !grade || g.grade === grade);
    return {
      area: { id: area.id, name: area.name },
      community: { id: community.id, name: community.name },
      grades: grades.map((g) => ({
        grade: g.grade,
        sections: ((community.catchment[g.grade] ?? []) as string[]).flatMap((id) => catalogue.sections.filter((s) => s.id === id && s.grade === g.grade)),
      })),
    };
  }
  return null;
}
