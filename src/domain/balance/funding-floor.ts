/**
 * The 2017 method's funding floor for small schools (DOMAIN.md §2.5: "schools under 100
 * students funded as 100"): a school with fewer than FUNDED_AS_STUDENTS pupils must receive
 * at least what FUNDED_AS_STUDENTS pupils would at its per-student standard. The data has
 * each section's per-student funding received and its students, so the school's total
 * received is Σ funding × students; the required total is FUNDED_AS_STUDENTS × the school's
 * per-student standard (for a school with two sections, the student-weighted mean of the two
 * standards: this project's reading, flagged on /methodology/). Unrounded; null when the
 * school has at least FUNDED_AS_STUDENTS pupils (the floor does not apply).
 */
import { FUNDED_AS_STUDENTS } from "./local-practice";

export type FloorSection = { schoolId: string; students: number; fundingPerStudent: number; requiredPerStudent: number };
export type FundingFloor = { students: number; received: number; required: number; ok: boolean };

/** Per school id: the floor check, or null when the school is large enough for it not to apply. */
export function fundingFloors(sections: readonly FloorSection[]): Map<string, FundingFloor | null> {
  const bySchool = new Map<string, { students: number; received: number; standardTimesStudents: number }>();
  for (const s of sections) {
    const acc = bySchool.get(s.schoolId) ?? { students: 0, received: 0, standardTimesStudents: 0 };
    acc.students += s.students;
    acc.received += s.fundingPerStudent * s.students;
    acc.standardTimesStudents += s.requiredPerStudent * s.students;
    bySchool.set(s.schoolId, acc);
  }
  const out = new Map<string, FundingFloor | null>();
  for (const [id, a] of bySchool) {
    if (a.students >= FUNDED_AS_STUDENTS) {
      out.set(id, null);
      continue;
    }
    const required = FUNDED_AS_STUDENTS * (a.standardTimesStudents / a.students);
    out.set(id, { students: a.students, received: a.received, required, ok: a.received >= required });
  }
  return out;
}
