/**
 * The eligibility check as static pages: one question per page, each answer a submit button
 * of a GET form whose `formaction` is the next page, so it works without JavaScript and
 * stores nothing. Where an answer leads is computed with the domain's `checkEligibility`, so
 * the pages cannot drift from the rule; an answer that rules a child out ends on the page of
 * that problem, which explains why and what to do instead (never a form error).
 */
import { checkEligibility, latestBirthDate, type EligibilityAnswers, type EligibilityProblem } from "../../domain/enrolment/eligibility";
import type { Intake } from "../../domain/enrolment/intake";
import { primaryGraduation } from "../../domain/enrolment/permit-rule";
import { chineseDate } from "../../domain/complaint/time";

export type Answer = { label: string; next: string };
export type Question = { slug: string; question: string; hint?: string; answers: Answer[] };

const ALL_YES: EligibilityAnswers = { grade: "1", ageOk: true, permit: "valid", livesInDistrict: true };
const resultUrl = (p: EligibilityProblem | "eligible") => `/enrol/check/result/${p.replaceAll("_", "-")}/`;

/** Where an answer goes: the first problem it causes, or the next question. */
function lead(change: Partial<EligibilityAnswers>, next: string): string {
  const outcome = checkEligibility({ ...ALL_YES, ...change });
  return outcome.eligible ? next : resultUrl(outcome.problems[0]!);
}

export function eligibilityQuestions(intake: Intake, districtName: string, cityName: string): Question[] {
  return [
    {
      slug: "start",
      question: "为孩子申请哪个年级？",
      answers: [
        { label: "小学一年级", next: "/enrol/check/age-1/" },
        { label: "初中七年级", next: "/enrol/check/age-7/" },
      ],
    },
    {
      slug: "age-1",
      question: `孩子是否在${chineseDate(latestBirthDate(intake, "1")!)}或以前出生？`,
      hint: `即在${chineseDate(intake.age_cutoff)}前（含当日）年满六周岁。`,
      answers: [
        { label: "是", next: lead({ grade: "1" }, "/enrol/check/permit/") },
        { label: "否", next: lead({ grade: "1", ageOk: false }, "/enrol/check/permit/") },
      ],
    },
    {
      slug: "age-7",
      question: `孩子会在${primaryGraduation(intake)}小学毕业吗？`,
      answers: [
        { label: "是", next: lead({ grade: "7" }, "/enrol/check/permit/") },
        { label: "否", next: lead({ grade: "7", ageOk: false }, "/enrol/check/permit/") },
      ],
    },
    {
      slug: "permit",
      question: `父母或其他监护人是否持有${cityName}居住证？`,
      answers: [
        { label: "有，在有效期内", next: lead({}, "/enrol/check/district/") },
        { label: "有，但已过期", next: lead({ permit: "expired" }, "/enrol/check/district/") },
        { label: "没有", next: lead({ permit: "none" }, "/enrol/check/district/") },
      ],
    },
    {
      slug: "district",
      question: `您家现在是否居住在${districtName}？`,
      answers: [
        { label: "是", next: lead({}, resultUrl("eligible")) },
        { label: "否", next: lead({ livesInDistrict: false }, resultUrl("eligible")) },
      ],
    },
  ];
}

export const RESULT_SLUGS = ["eligible", "too-young", "not-finishing-primary", "no-permit", "permit-expired", "outside-district"] as const;
export const problemOfSlug = (slug: string) => slug.replaceAll("-", "_") as EligibilityProblem;
