/**
 * The enrolment review queue's query plans on the migrated schema (no ANALYZE statistics, as
 * in production): the whole intake and the intake filtered by state are both read newest
 * first straight off an index ending in submitted_at, never sorted in a temporary B-tree,
 * and counted from that index alone.
 */
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { applications } from "../../../db/schema";
import { applicationQueueCondition, applicationQueuePage } from "../../../functions/services/enrolment/internal/application-queue";
import { ApplicationQuery } from "../../../src/domain/enrolment/staff-schemas";
import { queryPlan } from "../../fixtures/query-plan";
import { useTempDb } from "../../fixtures/temp-db";

describe("the enrolment review queue's query plans", () => {
  const tempDb = useTempDb();

  const plan = (query: Parameters<typeof queryPlan>[1]) => queryPlan(tempDb().client, query);

  for (const [name, raw, index] of [
    ["the whole intake", {}, "applications_queue_idx"],
    ["one state", { state: "submitted" }, "applications_state_idx"],
  ] as const) {
    it(`pages ${name} newest first off ${index}, without sorting, and counts it from an index alone`, async () => {
      const condition = applicationQueueCondition("2026", ApplicationQuery.parse({ ...raw, page: "40" }), new Date("2026-06-01T00:00:00Z"));
      const page = await plan(applicationQueuePage(tempDb().db, condition, 40));
      expect(page).toContain(`INDEX ${index}`);
      expect(page).not.toContain("TEMP B-TREE");
      expect(await plan(tempDb().db.select({ total: count() }).from(applications).where(condition))).toContain("COVERING INDEX");
    });
  }
});
