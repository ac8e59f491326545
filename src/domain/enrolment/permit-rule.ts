/**
 * The intake's residence-permit rule and the dated questions built from the intake (issue 16
 * item 6). A permit that has expired, or runs out before the date the intake requires it to be
 * valid on (`permit_rule.valid_through` in content/intakes), is not a form error: eligibility
 * is decided by staff with a reason. It is a warning the family sees while there is still
 * time to renew (签注), on the form's check page, by either path.
 */
import { chineseDate } from "../complaint/time";
import type { Intake } from "./intake";

export type PermitWarning = { kind: "expired" | "expires_early"; message: string };

/** The warning for a permit valid until `expiresOn` (inclusive), seen on `today` (both Beijing dates), or null. */
export function permitWarning(intake: Intake, expiresOn: string, today: string): PermitWarning | null {
  const required = intake.permit_rule.valid_through;
  if (expiresOn < today)
    return {
      kind: "expired",
      message: `您填写的居住证有效期至${chineseDate(expiresOn)}，已经过期，审核时会被认定为不符合条件。请先到居住地派出所或社区服务站办理签注（续期），再填写签注后的日期。`,
    };
  if (expiresOn < required)
    return {
      kind: "expires_early",
      message: `您填写的居住证将于${chineseDate(expiresOn)}到期，本批次要求居住证到${chineseDate(required)}仍在有效期内。请在到期前办理签注（续期），并在“办理进度查询”中上传签注后的居住证。`,
    };
  return null;
}

/** The month a grade-7 applicant finishes primary school: July of the year the places start, e.g. "2027年7月". */
export function primaryGraduation(intake: Intake): string {
  return `${intake.school_year_start.slice(0, 4)}年7月`;
}
