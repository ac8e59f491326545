/**
 * The staff queue's query plans on the migrated schema (no ANALYZE statistics, as in
 * production), issue 19: for every filter and mix a page may carry (due date, status,
 * category, department, school, assigned to me, waiting, a liaison's own department), first
 * page and deep (after a cursor), the page's keys are read in urgency order straight off one of
 * the `*_urgency_idx` indexes and never sorted in a temporary B-tree, so a page at any depth is
 * a short index walk (bench/scenarios/staff-queue). A word search goes through the FTS5 table,
 * a phone search through the blind index's own index; a common word and a word below three
 * characters (word-walk.ts) read the same urgency index as the filter alone, in order, testing
 * each row's text, never sorting;
 * the counts come from an index and stop at COUNT_CAP + 1; the waiting filters walk their own
 * partial indexes.
 */
import { describe, expect, it } from "vitest";
import { queueCondition, queueCount, queueNeighbours, queuePageKeys, type QueueFilter } from "../../../functions/services/complaint/internal/complaint-queue";
import { walkKeys } from "../../../functions/services/complaint/internal/word-walk";
import { COUNT_CAP } from "../../../src/domain/staff/queue-count";
import { queryPlan } from "../../fixtures/query-plan";
import { useTempDb } from "../../fixtures/temp-db";

const FILTERS: QueueFilter[] = [
  {},
  { status: "closed" },
  { category: "fees" },
  { department: "jiaoyu-ju" },
  { school: "shiyan-xiaoxue" },
  { mine: "1" },
  { due: "overdue" },
  { due: "today" },
  { due: "soon" },
  { waiting: "information" },
  { status: "investigating", due: "overdue" },
  { department: "jiaoyu-ju", due: "soon" },
  { status: "closed", category: "fees" },
  { status: "closed", department: "jiaoyu-ju" },
  { category: "fees", department: "jiaoyu-ju", due: "overdue" },
  { waiting: "draft" },
  { waiting: "extension" },
  { waiting: "information", status: "investigating" },
  { waiting: "extension", due: "overdue" },
];

/** The waiting filters walk their own partial index, whatever else is asked (a liaison included). */
const WAITING_INDEX = { draft: "complaints_waiting_draft_idx", extension: "complaints_waiting_extension_idx", information: "complaints_waiting_information_idx" };

describe("the staff queue's query plans", () => {
  const tempDb = useTempDb();
  const plan = (query: Parameters<typeof queryPlan>[1]) => queryPlan(tempDb().client, query);
  const viewer = (heldTo: "caizheng-ju" | null) => ({ heldTo, userId: "u-1", today: "2026-09-01" });

  for (const heldTo of [null, "caizheng-ju"] as const) {
    for (const filter of FILTERS) {
      const name = `${JSON.stringify(filter)}${heldTo ? ` for a liaison of ${heldTo}` : ""}`;
      it(`reads the first and a deep page of ${name} off an urgency index, without sorting`, async () => {
        for (const after of [null, ["0:2026-08-01", "ffff"] as const]) {
          const keys = await plan(queuePageKeys(tempDb().db, queueCondition(filter, viewer(heldTo)), after));
          expect(keys).toMatch(/USING (COVERING )?INDEX complaints_(\w*urgency|waiting_\w+)_idx/);
          expect(keys).not.toContain("TEMP B-TREE");
          if (filter.waiting) expect(keys).toContain(WAITING_INDEX[filter.waiting]);
        }
      });
      it(`walks the same index for a common word and for a word below three characters with ${name}`, async () => {
        for (const after of [null, ["0:2026-08-01", "ffff"] as const]) {
          for (const words of [["不符合规定"], ["收费"], ["不符合规定", "核查处理"]]) {
            const keys = await plan(walkKeys(tempDb().db, queueCondition(filter, viewer(heldTo)), words, after));
            expect(keys).toMatch(/USING (COVERING )?INDEX complaints_(\w*urgency|waiting_\w+)_idx/);
            expect(keys).not.toContain("TEMP B-TREE");
            expect(keys).not.toContain("VIRTUAL TABLE");
            if (filter.waiting) expect(keys).toContain(WAITING_INDEX[filter.waiting]);
            expect(keys).toMatch(/CO-ROUTINE examined .*\| SCAN examined$/);
          }
        }
      });
      it(`counts ${name} from an index, stopping at COUNT_CAP + 1`, async () => {
        const count = queueCount(tempDb().db, queueCondition(filter, viewer(heldTo)));
        expect(await plan(count)).toMatch(/USING (COVERING )?INDEX/);
        expect(count.toSQL().params).toContain(COUNT_CAP + 1);
      });
    }
  }

  it("searches words through the FTS5 table, and finds a case's neighbours off the urgency index", async () => {
    const words = await plan(queuePageKeys(tempDb().db, queueCondition({ q: "收费依据" }, viewer("caizheng-ju")), null));
    expect(words).toContain("VIRTUAL TABLE INDEX");
    // A phone: an exact lookup on its blind index, whatever the other filters.
    const phone = await plan(queuePageKeys(tempDb().db, queueCondition({ q: "13800138000" }, { ...viewer(null), phoneIndex: "ab".repeat(32) }), null));
    expect(phone).toContain("complaints_contact_phone_idx");
    // Neighbours: two one-row walks, each in index order.
    const condition = queueCondition({ due: "overdue" }, viewer(null));
    const rs = await Promise.resolve(queueNeighbours(tempDb().db, condition, ["0:2026-08-01", "x"]));
    expect(rs).toEqual({ previous: null, next: null });
  });
});
