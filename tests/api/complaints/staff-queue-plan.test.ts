/**
 * The staff queue's query plans on the migrated schema (no ANALYZE statistics, as in
 * production): for every mix of filters the page's ids are read in queue order straight off
 * one of the queue indexes, never sorted in a temporary B-tree, and wherever one index holds
 * every filtered column the page's ids and the count come from that index alone. This is
 * what keeps a page of 50 over a million complaints cheap (bench/scenarios/staff-queue).
 */
import { describe, expect, it } from "vitest";
import { queueCondition, queueCount, queuePageIds } from "../../../functions/services/complaint/internal/complaint-queue";
import type { Department } from "../../../src/domain/staff/departments";
import { queryPlan } from "../../fixtures/query-plan";
import { useTempDb } from "../../fixtures/temp-db";

type Filter = { status?: "closed"; category?: "fees"; department?: Department };

const FILTERS: Filter[] = [
  {},
  { status: "closed" },
  { category: "fees" },
  { department: "jiaoyu-ju" },
  { status: "closed", category: "fees" },
  { status: "closed", department: "jiaoyu-ju" },
  { category: "fees", department: "jiaoyu-ju" },
  { status: "closed", category: "fees", department: "jiaoyu-ju" },
];

describe("the staff queue's query plans", () => {
  const tempDb = useTempDb();

  const plan = (query: Parameters<typeof queryPlan>[1]) => queryPlan(tempDb().client, query);

  for (const heldTo of [null, "caizheng-ju"] as const) {
    for (const filter of FILTERS) {
      const name = `${JSON.stringify(filter)}${heldTo ? ` for a liaison of ${heldTo}` : ""}`;
      // One index holds every filtered column unless category meets department.
      const columns = new Set([...Object.keys(filter), ...(heldTo ? ["department"] : [])]);
      const covered = !(columns.has("category") && columns.has("department"));

      it(`reads the page of ${name} off a queue index${covered ? " alone" : ""}, without sorting`, async () => {
        const ids = await plan(queuePageIds(tempDb().db, queueCondition(filter, heldTo), 200));
        expect(ids).toMatch(/USING (COVERING )?INDEX complaints_\w*queue_idx/);
        expect(ids).not.toContain("TEMP B-TREE");
        if (covered) expect(ids).toContain("COVERING INDEX");
      });

      if (covered) {
        // A single filtered column is counted off its narrow one-column index, the cheapest to read.
        const narrow = columns.size === 1 ? `complaints_${[...columns][0]}_idx` : "";
        it(`counts ${name} from ${narrow || "an index"} alone`, async () => {
          const count = await plan(queueCount(tempDb().db, queueCondition(filter, heldTo)));
          expect(count).toContain("COVERING INDEX");
          if (narrow) expect(count).toContain(`COVERING INDEX ${narrow} `);
        });
      }
    }
  }
});
