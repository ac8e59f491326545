/**
 * Smoke test of the application-queue benchmark in its quick shape (10,000 applications): it
 * seeds (sealed with the run's keys), starts the real Node entry, signs an enrolment officer in
 * and measures every page shape (filters, documents to review, a reference, a deep keyset
 * page), and its correctness checks pass (pages hold only matching rows, 25 or the remainder,
 * with the total equal to SQL COUNT, bounded at COUNT_CAP). Never asserts a time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applicationQueue } from "../../../bench/scenarios/application-queue";

describe("the application-queue benchmark (quick)", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "bench-application-queue-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("measures every filter shape against the unfiltered review queue and its checks pass", async () => {
    const result = await applicationQueue.run({ quick: true, root: process.cwd(), scratch, log: () => {} });
    expect(result.checks.length).toBeGreaterThan(0);
    for (const check of result.checks) expect(check, check.detail).toMatchObject({ ok: true });
    expect(result.rows.length).toBe(8);
    for (const row of result.rows) {
      expect(row.value.unit).toBe("ms");
      expect(row.value.value).toBeGreaterThan(0);
    }
    expect(result.rows.filter((r) => r.ratio !== undefined).length).toBe(7);
  }, 240_000);
});
