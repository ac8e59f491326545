import { describe, expect, it } from "vitest";
import { singlePass, syntheticMarket } from "../../../bench/fixtures/allocation-market";
import { percentile } from "../../../bench/harness/stats";
import { formatFigure, markdownTable, weakestRatio, type ReportedScenario } from "../../../bench/harness/table";
import { costRatio, throughputRatio } from "../../../bench/harness/types";
import { END, replaceRecorded, START } from "../../../bench/harness/record";
import { servedNodeFlags } from "../../../bench/harness/node-server";

const scenario = (id: string, ratios: number[], extra: Partial<ReportedScenario> = {}): ReportedScenario => ({
  id,
  title: id,
  status: "ok",
  seconds: 1,
  rows: ratios.map((ratio, i) => ({ measure: `m${i}`, value: { value: ratio, unit: "ms" }, against: { label: "base", value: { value: 1, unit: "ms" } }, ratio })),
  checks: [],
  notes: [],
  ...extra,
});

describe("bench harness", () => {
  it("starts the measured server with the Node flags production starts it with", () => {
    // npm run serve's flags (issue 21: the young generation's size); a serve script the
    // harness can no longer read must fail the bench rather than measure another server.
    expect(servedNodeFlags(process.cwd())).toEqual(["--max-semi-space-size=64"]);
  });

  it("takes nearest-rank percentiles", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted order
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(() => percentile([], 50)).toThrow();
  });

  it("states every ratio as times costlier than the baseline, for durations and for rates", () => {
    expect(costRatio(300, 100)).toBe(3);
    expect(throughputRatio(100, 300)).toBe(3);
  });

  it("names the largest ratio as the weakest", () => {
    const worst = weakestRatio([scenario("a", [2, 9]), scenario("b", [4])]);
    expect(worst?.scenario).toBe("a");
    expect(worst?.row.ratio).toBe(9);
    expect(weakestRatio([scenario("c", [])])).toBeNull();
  });

  it("prints a Markdown table with a line for a scenario that is not available", () => {
    const table = markdownTable([scenario("a", [2.5]), scenario("b", [], { status: "not available", reason: "功能未上线" })]);
    const lines = table.split("\n");
    expect(lines[0]).toBe("| scenario | measure | value | compared against | baseline | ratio | budget |");
    expect(lines[2]).toBe("| a | m0 | 2.50 ms | base | 1 ms | ×2.50 |  |");
    expect(lines[3]).toBe("| b | not available: 功能未上线 | | | | | |");
  });

  it("formats figures with digits that suit their size", () => {
    expect(formatFigure({ value: 1234.5, unit: "req/s" })).toBe("1,235 req/s");
    expect(formatFigure({ value: 12.34, unit: "ms" })).toBe("12.3 ms");
    expect(formatFigure({ value: 0.456, unit: "s" })).toBe("0.46 s");
  });

  it("generates the same synthetic market from its fixed seed, with every choice a real program", () => {
    const a = syntheticMarket(500, 20, 3);
    expect(syntheticMarket(500, 20, 3)).toEqual(a);
    const ids = new Set(a.programs.map((p) => p.id));
    expect(a.applicants.every((x) => x.choices.length === 3 && x.choices.every((c) => ids.has(c.program)))).toBe(true);
    const demand = singlePass(a);
    expect([...demand.values()].reduce((s, n) => s + n, 0)).toBe(500 * 3);
  });
});

describe("recording figures in docs/performance.md", () => {
  it("replaces only what lies between the markers, and refuses a document without them", () => {
    const doc = `# Performance\n\nprose\n\n${START}\nold table\n${END}\n\nmore prose\n`;
    const once = replaceRecorded(doc, "| new | table |\n");
    expect(once).toBe(`# Performance\n\nprose\n\n${START}\n| new | table |\n${END}\n\nmore prose\n`);
    expect(replaceRecorded(once, "| newer |")).toContain(`${START}\n| newer |\n${END}`);
    expect(() => replaceRecorded("# no markers", "x")).toThrow(/no <!-- bench:results:start -->/);
  });
});
