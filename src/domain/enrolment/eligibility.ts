/**
 * Eligibility (DOMAIN.md §3): a child can apply when old enough on the intake's cut-off
 * date, a guardian holds a valid residence permit of the city (居住证暂行条例 art. 12), and
 * the family lives in the district. The check never turns these into form errors; it ends on
 * an outcome that says why a child cannot apply now and what to do instead (issue 6).
 */
import type { Intake } from "./intake";
import type { Grade } from "./vocabulary";
import { primaryGraduation } from "./permit-rule";
import { chineseDate } from "../complaint/time";

export const ELIGIBILITY_PROBLEMS = ["too_young", "not_finishing_primary", "no_permit", "permit_expired", "outside_district"] as const;
export type EligibilityProblem = (typeof ELIGIBILITY_PROBLEMS)[number];

export type EligibilityAnswers = {
  grade: Grade;
  /** Grade 1: the child is at least min_age on the cut-off. Grade 7: finishing primary school this summer. */
  ageOk: boolean;
  permit: "valid" | "expired" | "none";
  livesInDistrict: boolean;
};

export type EligibilityOutcome = { eligible: true; problems: [] } | { eligible: false; problems: EligibilityProblem[] };

export function checkEligibility(a: EligibilityAnswers): EligibilityOutcome {
  const problems: EligibilityProblem[] = [];
  if (!a.ageOk) problems.push(a.grade === "1" ? "too_young" : "not_finishing_primary");
  if (a.permit === "none") problems.push("no_permit");
  if (a.permit === "expired") problems.push("permit_expired");
  if (!a.livesInDistrict) problems.push("outside_district");
  return problems.length === 0 ? { eligible: true, problems: [] } : { eligible: false, problems };
}

/** The latest birth date that is old enough: cut-off minus `minAge` years. */
export function latestBirthDate(intake: Intake, grade: Grade): string | null {
  const g = intake.grades.find((x) => x.grade === grade);
  if (!g) return null;
  const [y, m, d] = intake.age_cutoff.split("-").map(Number) as [number, number, number];
  return `${String(y - g.min_age).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Whether a child born on `birthDate` is old enough for `grade` (string dates compare in order). */
export function oldEnough(intake: Intake, grade: Grade, birthDate: string): boolean {
  const latest = latestBirthDate(intake, grade);
  return latest !== null && birthDate <= latest;
}

/** Why and what to do instead, for each problem (shown on the outcome pages and to staff). */
export function explainProblem(problem: EligibilityProblem, intake: Intake): { why: string; whatToDo: string } {
  switch (problem) {
    case "too_young":
      return {
        why: `申请一年级的孩子须在${chineseDate(intake.age_cutoff)}前（含当日）年满六周岁，即在${chineseDate(latestBirthDate(intake, "1")!)}或以前出生。`,
        whatToDo: "请在孩子达到入学年龄的那一年申请。在此之前可以为孩子选择幼儿园，咨询所在乡镇（街道）的学前教育服务。",
      };
    case "not_finishing_primary":
      return {
        why: `申请七年级的孩子须在${primaryGraduation(intake)}小学毕业。`,
        whatToDo: "如果孩子在读小学但不是六年级，请联系就读学校办理转学；转学不需要通过本次招生申请。",
      };
    case "no_permit":
      return {
        why: "随迁子女入学以居住证为主要依据，监护人需要持有本市居住证。",
        whatToDo: "在本市居住满半年、有稳定就业或住所的，可以到居住地派出所或社区服务站申领居住证；取得居住证后即可在申请期内申请。",
      };
    case "permit_expired":
      return {
        why: "居住证需要在申请时仍在有效期内。",
        whatToDo: "请到居住地派出所或社区服务站办理居住证签注（续期），签注后即可申请，不需要重新申领。",
      };
    case "outside_district":
      return {
        why: "本区只受理在本区居住的家庭的申请，学位按居住地就近安排。",
        whatToDo: "请向实际居住地所在区（县）的教育局申请。搬到本区居住后，可以在申请期内申请。",
      };
  }
}
