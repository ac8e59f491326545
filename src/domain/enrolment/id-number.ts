/**
 * The 18-digit citizen ID number (GB 11643-1999): 6-digit area code, 8-digit birth date,
 * 3-digit sequence (odd for male, even for female) and a check character computed with
 * ISO 7064 MOD 11-2 (DOMAIN.md §3). Pure, so the browser and the server give the same answer.
 */
import type { Sex } from "./vocabulary";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

export type IdNumberProblem = "format" | "check" | "date";
export type ParsedIdNumber = { id: string; areaCode: string; birthDate: string; sex: Sex };

/** Removes spaces and makes a lower-case x upper-case, as people type it. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/[\s-]/g, "").toUpperCase();
}

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** A real calendar date from 1900 on (computed in UTC, so no time zone can shift it). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

export function parseIdNumber(raw: string): { ok: true; value: ParsedIdNumber } | { ok: false; problem: IdNumberProblem } {
  const id = normaliseIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: "format" };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (!isRealDate(year, month, day)) return { ok: false, problem: "date" };
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, problem: "check" };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const sex: Sex = Number(id[16]) % 2 === 1 ? "male" : "female";
  return { ok: true, value: { id, areaCode: id.slice(0, 6), birthDate, sex } };
}

/** What to tell the person, for each problem; the messages say what to do (GOV.UK style). */
export const ID_NUMBER_MESSAGES: Record<IdNumberProblem | "birth_date" | "sex", string> = {
  format: "身份证号码应为18位，前17位是数字，最后一位是数字或X",
  check: "身份证号码的校验位不对，请对照证件逐位检查后重新输入",
  date: "身份证号码中的出生日期（第7至14位）不是真实的日期，请检查后重新输入",
  birth_date: "身份证号码中的出生日期与填写的出生日期不一致，请检查",
  sex: "身份证号码中的性别（第17位）与填写的性别不一致，请检查",
};

/** Problems of an ID number against the declared birth date and sex, or [] when all agree. */
export function idNumberAgrees(parsed: ParsedIdNumber, declared: { birthDate?: string; sex?: Sex }): ("birth_date" | "sex")[] {
  const problems: ("birth_date" | "sex")[] = [];
  if (declared.birthDate && declared.birthDate !== parsed.birthDate) problems.push("birth_date");
  if (declared.sex && declared.sex !== parsed.sex) problems.push("sex");
  return problems;
}
