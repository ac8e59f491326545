/**
 * The privacy notice's version and the retention periods it promises (PIPL art. 17, 19).
 * The enrolment and complaint issues store the version with each consent (SECURITY.md item
 * 15) and the purge command applies the periods (item 16); change them here, with the
 * notice, and bump the version.
 */
export const PRIVACY_NOTICE_VERSION = "2026-11-29";

export const RETENTION = {
  /** Applications and their documents, counted from the end of the intake (招生批次结束). */
  applicationMonths: 12,
  /** Complaints, counted from closure (办结). */
  complaintMonths: 24,
  /** Audit and access logs: at least six months (网络安全法 art. 21). */
  auditMonths: 12,
} as const;
