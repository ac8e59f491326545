import { describe, expect, it } from "vitest";
import { checkEligibility, explainProblem, ELIGIBILITY_PROBLEMS, latestBirthDate, oldEnough } from "../../../src/domain/enrolment/eligibility";
import { committedCatalogue } from "../../fixtures/enrolment";
import { pointsOf, wholeMonths } from "../../../src/domain/enrolment/points";

describe("eligibility", () => {
  it("lets a family apply when the child is old enough, the permit is valid and they live in the district", () => {
    expect(checkEligibility({ grade: "1", ageOk: true, permit: "valid", livesInDistrict: true })).toEqual({ eligible: true, problems: [] });
  });

  it("names every reason a child cannot apply, in the order the questions ask", () => {
    expect(checkEligibility({ grade: "1", ageOk: false, permit: "expired", livesInDistrict: false }).problems).toEqual(["too_young", "permit_expired", "outside_district"]);
    expect(checkEligibility({ grade: "7", ageOk: false, permit: "none", livesInDistrict: true }).problems).toEqual(["not_finishing_primary", "no_permit"]);
  });

  it("counts age on the intake's cut-off date, the cut-off day itself included", async () => {
    const { intake } = await committedCatalogue();
    expect(intake.age_cutoff).toBe("2027-08-31");
    expect(latestBirthDate(intake, "1")).toBe("2021-08-31");
    expect(oldEnough(intake, "1", "2021-08-31")).toBe(true);
    expect(oldEnough(intake, "1", "2021-09-01")).toBe(false);
  });

  it("says why and what to do instead for every problem", async () => {
    const { intake } = await committedCatalogue();
    for (const p of ELIGIBILITY_PROBLEMS) {
      const { why, whatToDo } = explainProblem(p, intake);
      expect(why.length).toBeGreaterThan(10);
      expect(whatToDo.length).toBeGreaterThan(10);
    }
    expect(explainProblem("too_young", intake).why).toContain("2021年8月31日");
  });
});

describe("documented points", () => {
  it("counts whole months and caps each rule", async () => {
    const { intake } = await committedCatalogue();
    expect(wholeMonths("2025-08-31", "2027-08-31")).toBe(24);
    expect(wholeMonths("2025-09-01", "2027-08-31")).toBe(23);
    expect(wholeMonths("2028-01-01", "2027-08-31")).toBe(0);
    // 24 permit months + min(50, 36) insurance months, one point each.
    expect(pointsOf(intake, { permitIssuedOn: "2025-08-31", socialInsuranceMonths: 50 })).toBe(60);
    expect(pointsOf(intake, { permitIssuedOn: "2015-01-01", socialInsuranceMonths: 0 })).toBe(36);
  });
});
