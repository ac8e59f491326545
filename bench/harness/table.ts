/**
 * Renders scenario results as the table `npm run bench` prints and docs/performance.md
 * records (Markdown, so the same text serves both), and finds the weakest ratio.
 */
import type { Figure, Row } from "./types";

export type ReportedScenario = {
  id: string;
  title: string;
  status: "ok" | "not available" | "failed";
  reason?: string;
  seconds: number;
  rows: Row[];
  checks: { label: string; ok: boolean; detail: string }[];
  notes: string[];
};

export function formatFigure(f: Figure): string {
  const digits = Math.abs(f.value) >= 100 || Number.isInteger(f.value) ? 0 : Math.abs(f.value) >= 10 ? 1 : 2;
  return `${f.value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${f.unit}`.trim();
}

const cell = (s: string) => s.replaceAll("|", "\\|");

export function markdownTable(scenarios: readonly ReportedScenario[]): string {
  const lines = ["| scenario | measure | value | compared against | baseline | ratio | budget |", "|---|---|---:|---|---:|---:|---|"];
  for (const s of scenarios) {
    if (s.status !== "ok") {
      lines.push(`| ${cell(s.title)} | ${s.status}: ${cell(s.reason ?? "")} | | | | | |`);
      continue;
    }
    for (const r of s.rows) {
      const budget = r.budget ? `≤ ${formatFigure(r.budget.limit)} ${r.budget.ok ? "✓" : "✗ over"}` : "";
      lines.push(
        `| ${cell(s.title)} | ${cell(r.measure)} | ${formatFigure(r.value)} | ${cell(r.against?.label ?? "")} | ${r.against ? formatFigure(r.against.value) : ""} | ${r.ratio === undefined ? "" : `×${r.ratio.toFixed(r.ratio >= 10 ? 1 : 2)}`} | ${budget} |`,
      );
    }
  }
  return lines.join("\n");
}

export function checksList(scenarios: readonly ReportedScenario[]): string {
  const lines = scenarios.flatMap((s) => s.checks.map((c) => `- ${c.ok ? "✓" : "✗"} ${s.title}: ${c.label} (${c.detail})`));
  return lines.length > 0 ? lines.join("\n") : "- (no checks ran)";
}

export function notesList(scenarios: readonly ReportedScenario[]): string {
  const lines = scenarios.flatMap((s) => s.notes.map((n) => `- ${s.title}: ${n}`));
  return lines.length > 0 ? `Notes:\n\n${lines.join("\n")}` : "";
}

/** The row with the largest ratio: the place where the product costs most over its baseline. */
export function weakestRatio(scenarios: readonly ReportedScenario[]): { scenario: string; row: Row } | null {
  let worst: { scenario: string; row: Row } | null = null;
  for (const s of scenarios) {
    for (const row of s.rows) {
      if (row.ratio !== undefined && (!worst || row.ratio > worst.row.ratio!)) worst = { scenario: s.title, row };
    }
  }
  return worst;
}
