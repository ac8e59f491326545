// `npm run bench` end to end in its quick shape: the runner runs a real scenario, prints the
// table and writes the results file; an unknown scenario is refused before anything runs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const bench = (...args: string[]) => spawnSync("npx", ["tsx", "bench/run.ts", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" } });

describe("npm run bench", () => {
  it("runs the allocation scenario, prints its table and writes the results with the machine", { timeout: 120_000 }, () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "bench-")), "results.json");
    const run = bench("--quick", "--only", "allocation", "--out", out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\| Allocation \| allocate 5,000 × 30 × 3 \| [\d,.]+ ms \| one pass over the input/);
    const results = JSON.parse(readFileSync(out, "utf8"));
    expect(results.quick).toBe(true);
    expect(results.machine.cores).toBeGreaterThan(0);
    const [allocation] = results.scenarios;
    expect(allocation).toMatchObject({ id: "allocation", status: "ok" });
    expect(allocation.checks).toEqual([expect.objectContaining({ ok: true })]);
    // Allocating cannot be cheaper than reading the input once.
    expect(allocation.rows[0].ratio).toBeGreaterThan(1);
  });

  it("refuses an unknown scenario with the list of known ones", { timeout: 60_000 }, () => {
    const run = bench("--only", "no-such-scenario");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Unknown scenario\(s\): no-such-scenario\. Known: .*\ballocation\b/m);
  });
});
