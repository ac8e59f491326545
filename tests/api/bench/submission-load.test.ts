// The two submission load scenarios of `npm run bench`, in their quick shape (a few
// connections for about 2 s against the real Node entry in a child process): every check
// passes (rows stored = 2xx answers, document rows and uploaded files match), some
// submissions were answered 2xx, and no valid submission got anything but a 2xx. Figures are
// printed by the scenario's log, never asserted: tests do not fail on time.
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { applicationSubmission } from "../../../bench/scenarios/application-submission";
import { complaintSubmission } from "../../../bench/scenarios/complaint-submission";
import { NotAvailable, type Scenario } from "../../../bench/harness/types";
import { tempDir } from "../../fixtures/temp-db";

const root = fileURLToPath(new URL("../../..", import.meta.url));

async function runQuick(scenario: Scenario) {
  const scratch = tempDir(`bench-${scenario.id}-`);
  try {
    return await scenario.run({ quick: true, root, scratch, log: (line) => console.log(`[${scenario.id}] ${line}`) });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function expectSound(result: Awaited<ReturnType<Scenario["run"]>>) {
  for (const check of result.checks) expect(check.ok, `${check.label}: ${check.detail}`).toBe(true);
  expect(result.checks.some((c) => c.label.includes("2xx answers (nothing lost"))).toBe(true);
  const value = (prefix: string) => result.rows.find((r) => r.measure.includes(prefix))!.value.value;
  expect(value("requests/s")).toBeGreaterThan(0);
  expect(value("non-2xx answers"), result.notes.join("\n")).toBe(0);
}

describe("submission load scenarios (quick)", () => {
  it("complaint submission: every answer 2xx, complaints stored = 2xx answers", { timeout: 60_000 }, async () => {
    expectSound(await runQuick(complaintSubmission));
  });

  it("application submission: every answer 2xx, applications, document rows and files = 2xx answers", { timeout: 60_000 }, async () => {
    try {
      expectSound(await runQuick(applicationSubmission));
    } catch (error) {
      // Outside the intake's window the portal refuses every application: nothing to measure.
      if (!(error instanceof NotAvailable)) throw error;
      expect(error.message).toMatch(/application window/);
    }
  });
});
