/**
 * Every scenario `npm run bench` runs, in order. Cheap, quiet scenarios first; the site build
 * runs before search, which reads the large site it leaves in the scratch folder.
 */
import type { Scenario } from "../harness/types";
import { allocation } from "./allocation";
import { staffQueue } from "./staff-queue";

export const SCENARIOS: readonly Scenario[] = [allocation, staffQueue];
