/**
 * Every registered purger, run in this order by `npm run purge`. Features append theirs
 * (applications and their documents after the intake's retention period, complaints after
 * theirs); keep each one in its own feature folder and add only its line here.
 */
import { complaintPurger } from "../complaint/purge-complaints";
import { enrolmentPurger } from "../enrolment/purge-enrolment";
import { idempotencyKeysPurger } from "./idempotency-keys-purger";
import { outboxMessagesPurger } from "./outbox-messages-purger";
import type { Purger } from "./purger";
import { rateLimitCountersPurger } from "./rate-limit-counters-purger";

export const PURGERS: Purger[] = [rateLimitCountersPurger, idempotencyKeysPurger, outboxMessagesPurger, enrolmentPurger, complaintPurger];
