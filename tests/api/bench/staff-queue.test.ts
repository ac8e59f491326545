/**
 * Smoke test of the staff-queue benchmark in its quick shape (20,000 complaints): it seeds,
 * starts the real Node entry, signs staff in and measures every page shape (filters, wide
 * filters, what waits on staff, searches (common words walked, two characters capped), deep keyset pages), and its correctness checks pass
 * (pages hold only matching rows, are 50 long or the remainder, most urgent first, with the
 * total equal to SQL COUNT, bounded at COUNT_CAP). Never asserts a time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { staffQueue } from "../../../bench/scenarios/staff-queue";

describe("the staff-queue benchmark (quick)", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "bench-staff-queue-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("measures every filter shape against the unfiltered queue and its checks pass", async () => {
    const result = await staffQueue.run({ quick: true, root: process.cwd(), scratch, log: () => {} });
    expect(result.checks.length).toBeGreaterThan(0);
    for (const check of result.checks) expect(check, check.detail).toMatchObject({ ok: true });
    expect(result.rows.length).toBe(16);
    for (const row of result.rows) {
      expect(row.value.unit).toBe("ms");
      expect(row.value.value).toBeGreaterThan(0);
    }
    expect(result.rows.filter((r) => r.ratio !== undefined).length).toBe(15);
  }, 240_000);
});
