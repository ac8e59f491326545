/**
 * The shapes every benchmark scenario reports in. A scenario measures something and, in the
 * same run, what it is compared against, so a noisy machine moves both and the ratio stays
 * meaningful. `ratio` is always "times costlier than the baseline" (≥ 1 means slower, bigger
 * or heavier), whatever the unit: the runner can then name the weakest ratio without knowing
 * which figures are times and which are throughputs.
 */
export type Figure = { value: number; unit: string };

export type Row = {
  /** What was measured, e.g. "POST /api/complaints, requests/s". */
  measure: string;
  value: Figure;
  /** The same-run baseline this row is compared against. */
  against?: { label: string; value: Figure };
  /** Times costlier than `against` (see `costRatio` and `throughputRatio`). */
  ratio?: number;
  /** A fixed budget instead of (or besides) a baseline, e.g. ≤ 50 KB per page. */
  budget?: { limit: Figure; ok: boolean };
};

/** A correctness check made after the measurement (e.g. rows stored = 2xx responses). */
export type Check = { label: string; ok: boolean; detail: string };

export type ScenarioResult = { rows: Row[]; checks: Check[]; notes: string[] };

export type BenchContext = {
  /** Small sizes and short runs: for the smoke test and a quick look, not for the record. */
  quick: boolean;
  /** The project's root (the cwd of `npm run bench`). */
  root: string;
  /**
   * A scratch folder inside the project (`.bench-out/run-<pid>/<scenario id>`), removed after
   * the run unless BENCH_KEEP=1. Sibling folders belong to the run's other scenarios.
   */
  scratch: string;
  /** Progress lines, so long scenarios show they are alive. */
  log(line: string): void;
};

export type Scenario = {
  id: string;
  title: string;
  /** Throw `NotAvailable` when the feature it measures is missing. */
  run(ctx: BenchContext): Promise<ScenarioResult>;
};

/** Thrown by a scenario whose feature is not in this build: reported, never a failure. */
export class NotAvailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "NotAvailable";
  }
}

/** Times costlier for a duration or a size: `value ÷ baseline`. */
export const costRatio = (value: number, baseline: number): number => value / baseline;
/** Times costlier for a rate (requests/s, rows/s): `baseline ÷ value`. */
export const throughputRatio = (value: number, baseline: number): number => baseline / value;
