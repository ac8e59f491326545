/**
 * `npm run bench [-- --quick] [--only id,id] [--out file.json] [--record]`: runs every scenario
 * one after another (never in parallel: they would measure each other), prints one table,
 * writes bench/results.json (`--record`: and the table into docs/performance.md) and exits non-zero only when a scenario crashed or a correctness check failed. Time never
 * fails anything: the figures are for reading, and each carries its same-run baseline.
 */
import { mkdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describeMachine } from "./harness/machine";
import { recordInDocs } from "./harness/record";
import { checksList, markdownTable, notesList, weakestRatio, type ReportedScenario } from "./harness/table";
import { NotAvailable } from "./harness/types";
import { SCENARIOS } from "./scenarios";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const valueOf = (flag: string) => (args.includes(flag) ? (args[args.indexOf(flag) + 1] ?? "") : null);
const onlyList = valueOf("--only");
const only = onlyList === null ? null : new Set(onlyList.split(","));
const unknown = only ? [...only].filter((id) => !SCENARIOS.some((s) => s.id === id)) : [];
if (unknown.length > 0) {
  console.error(`Unknown scenario(s): ${unknown.join(", ")}. Known: ${SCENARIOS.map((s) => s.id).join(", ")}`);
  process.exit(2);
}

const root = process.cwd();
// One folder per run, so a smoke test and a manual run never delete each other's files.
const scratchRoot = path.join(root, ".bench-out", `run-${process.pid}`);
const machine = describeMachine();
console.log(`Benchmarks${quick ? " (quick sizes)" : ""} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}\n`);

const reported: ReportedScenario[] = [];
const startedAt = new Date().toISOString();
try {
  for (const scenario of SCENARIOS.filter((s) => !only || only.has(s.id))) {
    const scratch = path.join(scratchRoot, scenario.id);
    mkdirSync(scratch, { recursive: true });
    const log = (line: string) => console.log(`  [${scenario.id}] ${line}`);
    console.log(`▶ ${scenario.title}`);
    const start = performance.now();
    const base = { id: scenario.id, title: scenario.title };
    try {
      const result = await scenario.run({ quick, root, scratch, log });
      reported.push({ ...base, status: "ok", seconds: (performance.now() - start) / 1000, ...result });
    } catch (error) {
      const status = error instanceof NotAvailable ? "not available" : "failed";
      const reason = error instanceof Error ? error.message : String(error);
      if (status === "failed") console.error(error);
      else log(`not available: ${reason}`);
      reported.push({ ...base, status, reason, seconds: (performance.now() - start) / 1000, rows: [], checks: [], notes: [] });
    }
  }
} finally {
  if (!process.env.BENCH_KEEP) {
    rmSync(scratchRoot, { recursive: true, force: true });
    try {
      rmdirSync(path.dirname(scratchRoot));
    } catch {
      // Another run is still using .bench-out.
    }
  }
}

const worst = weakestRatio(reported);
const summary = [
  markdownTable(reported),
  `Checks:\n\n${checksList(reported)}`,
  worst ? `Weakest ratio: ${worst.scenario}, ${worst.row.measure}: ×${worst.row.ratio!.toFixed(1)} against ${worst.row.against?.label}.` : "",
  notesList(reported),
]
  .filter((part) => part !== "")
  .join("\n\n");
console.log(`\n${summary}`);

const resultsFile = path.resolve(root, valueOf("--out") ?? "bench/results.json");
writeFileSync(resultsFile, `${JSON.stringify({ startedAt, quick, machine: { ...machine, loadAverageAtEnd: describeMachine().loadAverage }, scenarios: reported }, null, 2)}\n`);
console.log(`\nWrote ${path.relative(root, resultsFile)}`);
if (args.includes("--record")) {
  const load = machine.loadAverage.join(", ");
  const when = `Recorded ${startedAt.slice(0, 16).replace("T", " ")} UTC${quick ? " (quick sizes: not for comparison)" : ""} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; load average at start ${load}.`;
  recordInDocs(path.join(root, "docs", "performance.md"), `${when}\n\n${summary}`);
  console.log("Recorded the figures in docs/performance.md");
}

const failed = reported.filter((s) => s.status === "failed" || s.checks.some((c) => !c.ok));
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.map((s) => s.id).join(", ")}`);
  process.exitCode = 1;
}
