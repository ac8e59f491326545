import { describe, expect, it } from "vitest";
import { readDistrict } from "../../../src/content-data/district";
import { parseIntake } from "../../../src/content-data/intakes";
import { ContentError } from "../../../src/content-data/content-error";
import { isWindowOpen } from "../../../src/domain/enrolment/intake";
import { committedCatalogue } from "../../fixtures/enrolment";
import { readFileSync } from "node:fs";

const FILE = "content/intakes/2026.yaml";

async function problemsOf(edit: (text: string) => string) {
  const district = await readDistrict(process.cwd());
  try {
    parseIntake(edit(readFileSync(FILE, "utf8")), FILE, district);
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.problems;
  }
}

describe("the committed intake content/intakes/2026.yaml", () => {
  it("is valid and offers grades 1 and 7 at sections of the registry", async () => {
    const { intake, sections } = await committedCatalogue();
    expect(intake.grades.map((g) => g.grade)).toEqual(["1", "7"]);
    expect(sections.every((s) => s.name !== s.schoolId)).toBe(true);
  });

  it("names the file, line and field of a section the registry lacks", async () => {
    const found = await problemsOf((t) => t.replace("wenchang-xiaoxue-primary", "nowhere-xiaoxue-primary"));
    expect(found).toEqual([{ file: FILE, line: 27, field: "grades.0.seats.1.section", message: expect.stringContaining("nowhere-xiaoxue-primary") }]);
  });

  it("refuses an enquiry number in the intake: site.yaml's enquiries.enrolment is the only one (issue 18)", async () => {
    const district = await readDistrict(process.cwd());
    for (const phone of ["0570-8800 1234", district.site.enquiries.enrolment]) {
      const found = await problemsOf((t) => `${t.trimEnd()}\ncontact_phone: ${phone}\n`);
      expect(found).toEqual([{ file: FILE, line: expect.any(Number), field: "contact_phone", message: expect.stringContaining("content/site.yaml") }]);
    }
  });

  it("gives the catalogue site.yaml's enrolment enquiry number", async () => {
    const district = await readDistrict(process.cwd());
    expect((await committedCatalogue()).enquiryPhone).toBe(district.site.enquiries.enrolment);
  });

  it("refuses dates out of order and an unquoted impossible date", async () => {
    const found = await problemsOf((t) => t.replace('review_ends: "2027-04-30"', 'review_ends: "2027-02-30"'));
    expect(found[0]).toMatchObject({ file: FILE, field: "dates.review_ends", message: "不是真实的日期" });
    const order = await problemsOf((t) => t.replace('allocation_on: "2027-05-15"', 'allocation_on: "2027-04-01"'));
    expect(order[0]).toMatchObject({ field: "dates.allocation_on" });
  });

  it("refuses a junior section among grade 1's seats", async () => {
    const found = await problemsOf((t) => t.replace("wenchang-xiaoxue-primary", "wenchang-zhongxue-junior"));
    expect(found[0]).toMatchObject({ field: "grades.0.seats.1.section", message: "1年级只能填写以-primary结尾的学校编号" });
  });

  it("is open from the first day 00:00 to the last day 23:59 Beijing time", async () => {
    const { intake } = await committedCatalogue();
    expect(isWindowOpen(intake, new Date("2026-10-31T15:59:59Z"))).toBe(false);
    expect(isWindowOpen(intake, new Date("2026-10-31T16:00:00Z"))).toBe(true);
    expect(isWindowOpen(intake, new Date("2027-03-31T15:59:59Z"))).toBe(true);
    expect(isWindowOpen(intake, new Date("2027-03-31T16:00:00Z"))).toBe(false);
  });
});
