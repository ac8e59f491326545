/**
 * Every registered purger, run in this order by `npm run purge`; the periods come from the
 * privacy notice's RETENTION (src/domain/privacy-notice.ts). Features append theirs
 * (applications and their documents after the intake's retention period, complaints after
 * theirs); keep each purge verb in its own feature folder and add only its line here.
 */
import { purgeAuditLog } from "../../audit/purge-audit-log";
import { purgeComplaints } from "../../complaint/purge-complaints";
import { purgeEnrolment } from "../../enrolment/purge-enrolment";
import { purgeIdempotencyKeys } from "../purge-idempotency-keys";
import { purgeOutboxMessages } from "../purge-outbox-messages";
import { purgeRateLimitCounters } from "../purge-rate-limit-counters";
import { sweepOrphanUploads } from "../../uploads/sweep-orphan-uploads";
import type { Purger } from "./purger";

export const PURGERS: Purger[] = [
  { name: "rate-limit-counters", purge: purgeRateLimitCounters },
  { name: "idempotency-keys", purge: purgeIdempotencyKeys },
  { name: "outbox-messages", purge: purgeOutboxMessages },
  { name: "enrolment-applications", purge: purgeEnrolment },
  { name: "complaints", purge: purgeComplaints },
  { name: "audit-log", purge: purgeAuditLog },
  // Last: the purges above delete rows and their files; this removes files no row refers to.
  { name: "orphan-uploads", purge: sweepOrphanUploads },
];
