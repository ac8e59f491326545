/**
 * Formatting of published balance numbers for pages. The numbers arrive already rounded to
 * their documented decimals (src/domain/balance/report.ts); this only pads them with zeros,
 * so the text on a page parses back to exactly the number in the JSON download.
 */
import { SECTION_LABELS, LOCATION_TYPE_LABELS } from "../domain/district/vocabulary";
import type { SectionReport } from "../domain/balance/report";

export function fmt(value: number | null | undefined, decimals: number): string {
  return value === null || value === undefined ? "—" : value.toFixed(decimals);
}

/**
 * A judged number (one shown beside ✔ or ✘): at least `decimals` places, and every place the
 * published number has, so a boundary value kept at more decimals (roundToSide) is shown in
 * full and never reads as its standard.
 */
export function fmtAtLeast(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined) return "—";
  // Fast path, called tens of thousands of times a build: when the padded text already parses
  // back to the number, the number has no more places than `decimals` and this is the answer.
  if (decimals <= 20) {
    const padded = value.toFixed(decimals);
    if (Number(padded) === value) return padded;
  }
  const places = (String(value).split(".")[1] ?? "").length;
  return value.toFixed(Math.min(Math.max(decimals, places), 20));
}

/** A signed change, e.g. +0.012 / −0.030. */
export function fmtChange(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined) return "—";
  return value > 0 ? `+${value.toFixed(decimals)}` : value.toFixed(decimals);
}

/** The school year a statistics year stands for: 2024 → 2024—2025 学年. */
export const schoolYear = (year: number) => `${year}—${year + 1}学年`;

/** A section's display name: the school's name, with 小学部 / 初中部 for a nine-year school. */
export function sectionName(s: Pick<SectionReport, "name" | "section" | "nine_year">): string {
  return s.nine_year ? `${s.name}${SECTION_LABELS[s.section]}部` : s.name;
}

/** How a scorecard names its own subject: 本校, or 本校小学部 / 本校初中部 for a nine-year school's part (docs/style.md: never 学段). */
export function sectionSelf(s: Pick<SectionReport, "section" | "nine_year">): string {
  return s.nine_year ? `本校${SECTION_LABELS[s.section]}部` : "本校";
}

export const sectionLevel = (s: Pick<SectionReport, "section">) => SECTION_LABELS[s.section];
export const locationLabel = (s: Pick<SectionReport, "location_type">) => LOCATION_TYPE_LABELS[s.location_type];
