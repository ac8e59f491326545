/**
 * The privacy notice's version and the retention periods it promises (PIPL art. 17, 19).
 * These are the one source of every period: /privacy/ shows them, and the purge
 * (`npm run purge`, functions/services/retention) applies them to applications, drafts,
 * complaints, audit rows, retry (idempotency) records and sent notifications. The enrolment
 * and complaint services store the version with each consent (SECURITY.md item 15). Change
 * a period here, with the notice, and bump the version.
 */
export const PRIVACY_NOTICE_VERSION = "2026-12-03";

export const RETENTION = {
  /** Applications and their documents, counted from the end of the intake (招生批次结束). */
  applicationMonths: 12,
  /** Application drafts never submitted, counted from when they were saved. */
  draftHours: 24,
  /** Complaints' identifying details, counted from closure (办结: answered, not accepted or merged). */
  complaintMonths: 24,
  /** Audit and access logs: at least six months (网络安全法 art. 21). */
  auditMonths: 12,
  /** Records that let a repeated submission get the same answer (idempotency keys). */
  retryRecordDays: 7,
  /** Notifications sent (or given up), with their recipient and text, counted from when they were queued. */
  notificationDays: 90,
} as const;

/**
 * The legal minimum for audit logs (网络安全法 art. 21: six months). The database itself
 * refuses to delete an audit row younger than this (migration 0009), whatever code runs;
 * RETENTION.auditMonths may not be shorter.
 */
export const AUDIT_MINIMUM_MONTHS = 6;

/** `date` (YYYY-MM-DD) moved by whole calendar months; a day the target month lacks becomes its last day (03-31 − 1 month = 02-28). */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The instant `months` calendar months before `now` (UTC), as ISO 8601: rows stamped at or before it are past a period of `months`. */
export function monthsBefore(now: Date, months: number): string {
  const iso = now.toISOString();
  return `${addCalendarMonths(iso.slice(0, 10), -months)}${iso.slice(10)}`;
}

/** The instant `ms` before `now`, as ISO 8601. */
export const before = (now: Date, ms: number): string => new Date(now.getTime() - ms).toISOString();
