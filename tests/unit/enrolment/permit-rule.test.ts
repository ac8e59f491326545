/**
 * Issue 16 item 6: the intake's residence-permit rule warns (never refuses) a family whose
 * permit has expired or runs out before the intake's `permit_rule.valid_through`, at the
 * boundaries exactly; and the grade-7 question is dated from the intake.
 */
import { describe, expect, it } from "vitest";
import { permitWarning, primaryGraduation } from "../../../src/domain/enrolment/permit-rule";
import { explainProblem } from "../../../src/domain/enrolment/eligibility";
import { eligibilityQuestions } from "../../../src/lib/enrolment/eligibility-questions";
import { committedCatalogue } from "../../fixtures/enrolment";

describe("the residence-permit warning", () => {
  it("warns at the day boundaries of today and of the intake's valid_through", async () => {
    const { intake } = await committedCatalogue();
    expect(intake.permit_rule.valid_through).toBe("2027-09-01");
    const today = "2026-12-03";
    expect(permitWarning(intake, "2026-12-02", today)?.kind).toBe("expired");
    // Valid through today itself: not expired, but it runs out long before the school year.
    expect(permitWarning(intake, "2026-12-03", today)?.kind).toBe("expires_early");
    expect(permitWarning(intake, "2027-08-31", today)?.kind).toBe("expires_early");
    expect(permitWarning(intake, "2027-09-01", today)).toBeNull();
    expect(permitWarning(intake, "2030-01-01", today)).toBeNull();
  });

  it("says the dates in Chinese and what to do", async () => {
    const { intake } = await committedCatalogue();
    expect(permitWarning(intake, "2026-11-30", "2026-12-03")!.message).toMatch(/^您填写的居住证有效期至2026年11月30日，已经过期.*签注/);
    expect(permitWarning(intake, "2027-06-30", "2026-12-03")!.message).toContain("将于2027年6月30日到期，本批次要求居住证到2027年9月1日仍在有效期内");
  });

  it("follows a different intake's rule", async () => {
    const { intake } = await committedCatalogue();
    const other = { ...intake, permit_rule: { valid_through: "2027-03-31" } };
    expect(permitWarning(other, "2027-06-30", "2026-12-03")).toBeNull();
  });
});

describe("the grade-7 question", () => {
  it("is dated from the intake (2027年7月 for places from September 2027)", async () => {
    const { intake } = await committedCatalogue();
    expect(primaryGraduation(intake)).toBe("2027年7月");
    const question = eligibilityQuestions(intake, "某区", "江澜市").find((q) => q.slug === "age-7")!;
    expect(question.question).toBe("孩子会在2027年7月小学毕业吗？");
    expect(explainProblem("not_finishing_primary", intake).why).not.toContain("今年");
  });
});
