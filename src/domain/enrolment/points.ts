/**
 * Documented points (DOMAIN.md §3, second priority after catchment): months of residence
 * permit counted to the intake's age cut-off date, and months of social insurance the family
 * declares (staff check them against the documents), each capped by the intake's rules.
 */
import type { Intake } from "./intake";

/** Whole months from `from` to `to` (YYYY-MM-DD), never negative. */
export function wholeMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

export function pointsOf(intake: Intake, facts: { permitIssuedOn: string; socialInsuranceMonths: number }): number {
  let total = 0;
  for (const rule of intake.points) {
    const months = rule.id === "permit_months" ? wholeMonths(facts.permitIssuedOn, intake.age_cutoff) : facts.socialInsuranceMonths;
    total += Math.min(months, rule.max_months) * rule.points_per_month;
  }
  return Math.round(total);
}

/** Whether a section is in the catchment (施教区) of the family's community for the grade. */
export function inCatchment(catchment: Partial<Record<string, string[]>>, grade: string, sectionId: string): boolean {
  return (catchment[grade] ?? []).includes(sectionId);
}
