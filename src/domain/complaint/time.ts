/**
 * Calendar dates in the district's time zone. Deadlines are counted in calendar days of
 * Asia/Shanghai (UTC+8 all year: China has kept no daylight saving since 1991, so a fixed
 * offset is exact and needs no time-zone database in the browser or the Worker). Dates are
 * ISO `YYYY-MM-DD` strings; arithmetic is done on UTC midnights so it never drifts.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type IsoDate = string;

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date | string): IsoDate {
  const t = typeof instant === "string" ? new Date(instant).getTime() : instant.getTime();
  return new Date(t + OFFSET_MS).toISOString().slice(0, 10);
}

function dayNumber(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00.000Z`) / DAY_MS);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** `2026-09-01` → `2026年9月1日`, as dates are written on the pages. */
export function chineseDate(date: IsoDate): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** An instant as printed for people, in Beijing time: `2026-11-29T07:04:00Z` → `2026年11月29日15:04` (with seconds for audit records). */
export function beijingDateTime(instant: Date | string, precision: "minutes" | "seconds" = "minutes"): string {
  const t = typeof instant === "string" ? new Date(instant).getTime() : instant.getTime();
  const shifted = new Date(t + OFFSET_MS).toISOString();
  return `${chineseDate(shifted.slice(0, 10))}${shifted.slice(11, precision === "seconds" ? 19 : 16)}`;
}
