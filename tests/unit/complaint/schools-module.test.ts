import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDistrict } from "../../../src/content-data/district";
import { SCHOOLS_MODULE, schoolsModule } from "../../../scripts/complaint-schools";

describe("the complaint directory (schools and hotlines)", () => {
  it("matches the school registry and site.yaml (regenerate with `npx tsx scripts/generate-complaint-schools.ts`)", async () => {
    const { schools, site } = await readDistrict(process.cwd());
    expect(readFileSync(SCHOOLS_MODULE, "utf8")).toBe(schoolsModule(schools, site.hotlines, site.areas));
  });
});
