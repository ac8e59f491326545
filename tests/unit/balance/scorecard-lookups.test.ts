/**
 * The scorecard's lookups built once per build (src/lib/scorecard-lookups.ts, issue 21) give
 * every section of the demo district exactly what the page used to find per page with
 * `Array.find` and a filter over every community, and keep the first match and the
 * content order when an id repeats.
 */
import { describe, expect, it } from "vitest";
import { readBalanceInputs } from "../../../src/content-data/balance";
import { readDistrict, type District } from "../../../src/content-data/district";
import { readCurrentCatalogue } from "../../../src/content-data/intakes";
import { buildBalanceReport } from "../../../src/domain/balance/report";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import { scorecardLookups } from "../../../src/lib/scorecard-lookups";

type Section = { id: string; school_id: string; section: "primary" | "junior"; township: string };

/** What the page computed for itself before the lookups. */
function perPage({ site, schools }: District, catalogue: Catalogue, s: Section) {
  return {
    school: schools.find((x) => x.id === s.school_id),
    township: site.areas.find((a) => a.id === s.township)?.name ?? s.township,
    catchment: site.areas.flatMap((a) => a.communities.filter((c) => c.catchment[s.section].includes(s.school_id))),
    seats: catalogue.sections.find((x) => x.id === s.id)?.seats ?? null,
  };
}

const root = process.cwd();
const district = await readDistrict(root);
const catalogue = (await readCurrentCatalogue(root, district))!;

describe("scorecard lookups", () => {
  it("give every section of the demo district what the per-page search gave", async () => {
    const latest = buildBalanceReport(await readBalanceInputs(root, district)).at(-1)!;
    const factsOf = scorecardLookups(district, catalogue);
    expect(latest.sections.length).toBeGreaterThan(50);
    expect(latest.sections.some((s) => factsOf(s).catchment.length > 1)).toBe(true);
    expect(latest.sections.some((s) => factsOf(s).seats !== null)).toBe(true);
    for (const s of latest.sections) expect(factsOf(s), s.id).toEqual(perPage(district, catalogue, s));
  });

  it("keep the first match and the content order for repeated or unknown ids", () => {
    const area = district.site.areas[0]!;
    const community = area.communities[0]!;
    const school = district.schools[0]!;
    const twice = { ...community, name: "重复社区", catchment: { ...community.catchment, primary: [school.id, school.id] } };
    const edited: District = {
      site: { ...district.site, areas: [{ ...area, communities: [twice, ...area.communities] }, { ...area, name: "同号乡镇" }, ...district.site.areas.slice(1)] },
      schools: [...district.schools, { ...school, name: "重复学校" }],
    };
    const first = catalogue.sections[0]!;
    const doubled: Catalogue = { ...catalogue, sections: [...catalogue.sections, { ...first, seats: first.seats + 7 }] };
    const factsOf = scorecardLookups(edited, doubled);
    const cases: Section[] = [
      { id: first.id, school_id: school.id, section: "primary", township: area.id },
      { id: "nowhere-primary", school_id: "no-such-school", section: "junior", township: "no-such-township" },
    ];
    for (const s of cases) expect(factsOf(s)).toEqual(perPage(edited, doubled, s));
    expect(factsOf(cases[0]!).catchment.filter((c) => c.name === "重复社区")).toHaveLength(1);
  });
});
