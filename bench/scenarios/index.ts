/**
 * Every scenario `npm run bench` runs, in the order. Search runs last: it reads the
 * large site the site-build scenario leaves in the run's scratch folder.
 */
import type { Scenario } from "../harness/types";
import { allocation } from "./allocation";
import { applicationQueue } from "./application-queue";
import { applicationSubmission } from "./application-submission";
import { complaintSubmission } from "./complaint-submission";
import { pageWeight } from "./page-weight";
import { search } from "./search";
import { siteBuild } from "./site-build";
import { staffQueue } from "./staff-queue";

export const SCENARIOS: readonly Scenario[] = [siteBuild, pageWeight, complaintSubmission, applicationSubmission, allocation, staffQueue, applicationQueue, search];
