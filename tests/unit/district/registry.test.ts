import { describe, expect, it } from "vitest";
import { readDistrict } from "../../../src/content-data/district";
import { sectionsOf } from "../../../src/domain/district/school";

describe("the demo district as committed", () => {
  it("passes every schema and cross-reference rule", async () => {
    await expect(readDistrict(process.cwd())).resolves.toBeTruthy();
  });

  it("has at least 60 school sections, with nine-year schools, teaching points and two campus groups", async () => {
    const { schools } = await readDistrict(process.cwd());
    expect(schools.flatMap(sectionsOf).length).toBeGreaterThanOrEqual(60);
    expect(schools.filter((s) => s.sections === "primary+junior").length).toBeGreaterThanOrEqual(2);
    expect(schools.filter((s) => s.teaching_point).length).toBeGreaterThanOrEqual(3);
    const groups = new Map<string, number>();
    for (const s of schools) if (s.campus_group) groups.set(s.campus_group, (groups.get(s.campus_group) ?? 0) + 1);
    expect(groups.size).toBe(2);
    for (const members of groups.values()) expect(members).toBeGreaterThanOrEqual(2);
  });

  it("covers all three location types and gives every community a catchment school per section", async () => {
    const { site, schools } = await readDistrict(process.cwd());
    expect(new Set(schools.map((s) => s.location_type))).toEqual(new Set(["urban", "town", "rural"]));
    for (const community of site.areas.flatMap((a) => a.communities)) {
      expect(community.catchment.primary.length).toBeGreaterThan(0);
      expect(community.catchment.junior.length).toBeGreaterThan(0);
    }
  });
});
