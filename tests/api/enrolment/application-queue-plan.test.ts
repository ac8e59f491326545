/**
 * The enrolment review queue's query plans on the migrated schema (no ANALYZE statistics, as
 * in production), issue 19: for each filter (state, grade, school, documents to review, a
 * reference) and some mixes, first page and deep (after a cursor), the page is read in
 * REVIEW_KEY order straight off an index and never sorted in a temporary B-tree (a deep page
 * from a range starting at the cursor), and the count comes from an index.
 */
import { describe, expect, it } from "vitest";
import { applicationQueueCondition, applicationQueueCount, applicationQueuePage, type ApplicationFilter } from "../../../functions/services/enrolment/internal/application-queue";
import { COUNT_CAP } from "../../../src/domain/staff/queue-count";
import { queryPlan } from "../../fixtures/query-plan";
import { useTempDb } from "../../fixtures/temp-db";

const FILTERS: [ApplicationFilter, RegExp][] = [
  [{}, /INDEX applications_review_idx/],
  [{ state: "submitted" }, /INDEX applications_state_review_idx/],
  [{ state: "offered" }, /INDEX applications_state_review_idx/],
  [{ grade: "1" }, /INDEX applications_grade_review_idx/],
  [{ school: "wenchang-xiaoxue-primary" }, /INDEX sqlite_autoindex_application_schools_1/],
  [{ school: "wenchang-xiaoxue-primary", state: "submitted" }, /INDEX sqlite_autoindex_application_schools_1/],
  [{ documents: "pending" }, /INDEX applications_documents_review_idx/],
  [{ q: "RX2026-00001" }, /INDEX applications_reference_unique/],
  [{ state: "submitted", documents: "pending" }, /INDEX applications_documents_state_review_idx/],
  // Each of the two has an index in queue order; SQLite takes either (the grade's for a deep page, where its range starts at the cursor).
  [{ grade: "7", documents: "pending" }, /INDEX applications_(documents|grade)_review_idx/],
  [{ grade: "1", school: "wenchang-xiaoxue-primary" }, /INDEX sqlite_autoindex_application_schools_1/],
];

describe("the enrolment review queue's query plans", () => {
  const tempDb = useTempDb();
  const plan = (query: Parameters<typeof queryPlan>[1]) => queryPlan(tempDb().client, query);

  for (const [filter, index] of FILTERS) {
    it(`reads the first and a deep page of ${JSON.stringify(filter)} off ${index.source}, without sorting, and counts it from an index`, async () => {
      const condition = applicationQueueCondition("2026", filter);
      for (const after of [null, ["0:2026-05-01T00:00:00.000Z", "ffff"] as const]) {
        const page = await plan(applicationQueuePage(tempDb().db, condition, after));
        expect(page).toMatch(index);
        expect(page).not.toContain("TEMP B-TREE");
        // A deep page starts inside the index (a range from the cursor), not by walking up to it.
        if (after && !filter.q) expect(page).toMatch(/<expr>>\?|\(review_key,application_id\)>\(\?,\?\)/);
      }
      const count = applicationQueueCount(tempDb().db, condition);
      expect(await plan(count)).toMatch(/USING (COVERING )?INDEX/);
      expect(count.toSQL().params).toContain(COUNT_CAP + 1);
    });
  }
});
