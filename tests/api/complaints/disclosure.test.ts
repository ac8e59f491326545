import { describe, expect, it } from "vitest";
import { seedDemoComplaints } from "../../../functions/cli/seed/complaints";
import { addDays } from "../../../src/domain/complaint/time";
import { DEPARTMENT_LABELS } from "../../../src/domain/staff/departments";
import { complaints } from "../../../db/schema";
import { leadDepartmentOf, type ComplaintCategory } from "../../../src/domain/complaint/categories";
import { derivableCells, derivableLinkedCells } from "../../fixtures/feasible-cells";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock } from "../../fixtures/test-app";

type Cell = { key: string; count: number | null };
type Listed = { service_request_id: string; service_code: string; agency_responsible: string; requested_datetime: string; updated_datetime: string };

/** Every case Open311 lists, walked in 90-day windows (the longest the spec allows) over two years. */
async function everyListedCase(app: ReturnType<typeof buildTestApp>["app"], today: string): Promise<Listed[]> {
  const seen = new Map<string, Listed>();
  for (let end = today; end > addDays(today, -730); end = addDays(end, -90)) {
    const res = await app.request(`/api/open311/v2/requests.json?start_date=${addDays(end, -89)}T00:00:00%2B08:00&end_date=${end}T23:59:59%2B08:00`);
    expect(res.status).toBe(200);
    for (const r of (await res.json()) as Listed[]) seen.set(r.service_request_id, r);
  }
  return [...seen.values()];
}

const floorsBy = (rows: Listed[], key: (r: Listed) => string) => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
};
const departmentKey = new Map(Object.entries(DEPARTMENT_LABELS).map(([k, v]) => [v, k]));

describe("disclosure control over the real seeded data", () => {
  const tempDb = useTempDb();

  for (const today of ["2026-09-01", "2026-12-03"]) {
    it(`leaves no hidden cell derivable from the totals and the cases listed one by one (seed as of ${today})`, async () => {
      const now = new Date(`${today}T08:00:00.000Z`);
      await tempDb().db.transaction((tx) => seedDemoComplaints(tx, now));
      const { app } = buildTestApp(tempDb(), { clock: fixedClock(now.toISOString()) });
      const stats = await (await app.request("/api/complaints/stats")).json();
      const listed = await everyListedCase(app, today);
      const tables: [string, Cell[], Map<string, number>][] = [
        ["category", stats.byCategory, floorsBy(listed, (r) => r.service_code)],
        ["department", stats.byDepartment, floorsBy(listed, (r) => departmentKey.get(r.agency_responsible)!)],
        ["month", stats.byMonth, floorsBy(listed, (r) => r.requested_datetime.slice(0, 7))],
        ["school", stats.bySchool, new Map()],
      ];
      let hidden = 0;
      for (const [name, cells, floors] of tables) {
        hidden += cells.filter((c) => c.count === null).length;
        expect({ name, derivable: derivableCells({ cells, total: stats.total, floors }) }).toEqual({ name, derivable: [] });
        for (const c of cells) expect(c.count === null || c.count === 0 || c.count >= 5).toBe(true);
      }
      expect(hidden).toBeGreaterThan(0);
      // Jointly: each department is its lead categories plus the net reassignments, which the
      // strongest reader is granted exactly (read from the database; 0 is the worst case without any).
      const offsets = new Map<string, number>();
      for (const r of await tempDb().db.select({ category: complaints.category, department: complaints.department }).from(complaints).all()) {
        const lead = leadDepartmentOf(r.category as ComplaintCategory);
        const actual = r.department ?? lead;
        offsets.set(actual, (offsets.get(actual) ?? 0) + 1).set(lead, (offsets.get(lead) ?? 0) - 1);
      }
      const linked = {
        categories: stats.byCategory as Cell[],
        departments: stats.byDepartment as Cell[],
        total: stats.total as number,
        leadOf: (k: string) => leadDepartmentOf(k as ComplaintCategory),
        categoryFloors: tables[0]![2],
        departmentFloors: tables[1]![2],
      };
      expect(derivableLinkedCells({ ...linked, offsets })).toEqual([]);
      if ([...offsets.values()].every((o) => o === 0)) expect(derivableLinkedCells(linked)).toEqual([]);
      // A share times its published whole must not give back a count from 1 to 4.
      if (stats.answeredOnTimeShare !== null) {
        const onTime = Math.round(stats.answeredOnTimeShare * stats.answered);
        for (const n of [onTime, stats.answered - onTime]) expect(n === 0 || n >= 5).toBe(true);
      }
      // Listed cases carry no reference (gap-free numbers would count the unlisted ones) and day-resolution dates only.
      expect(listed.length).toBeGreaterThan(0);
      for (const r of listed) {
        expect(r.service_request_id).toMatch(/^[0-9a-f]{16}$/);
        expect(r.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
        expect(r.updated_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
      }
      expect(JSON.stringify(listed)).not.toMatch(/TS\d{4}-\d+/);
      expect(stats.asOf).toBe(today);
    });
  }
});
