/**
 * What the two staff-queue scenarios (complaints, applications) share: a deterministic random
 * generator so every run asks for the same pages, the shape loop (warm-up, then samples until
 * the count or a time budget, at least 20), and the table rows, each shape's p95 against the
 * unfiltered first page of the same run.
 */
import { randomBytes } from "node:crypto";
import { percentile } from "./stats";
import { costRatio, type Row } from "./types";

/** mulberry32: a small deterministic generator in [0, 1). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first ten pages of a filter: the pages a clerk actually opens. */
export const FIRST_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Fresh keys for the run's server, as a first start would generate them. */
export const benchSecrets = () => ({ DATA_KEY: randomBytes(32).toString("base64"), INDEX_KEY: randomBytes(32).toString("base64"), AUTH_SECRET: randomBytes(32).toString("base64") });

/** One kind of page: its label and the request of its i-th sample. */
export type Shape<A> = { label: string; asks(sample: number): A };
export type Measured = { p50: number; p95: number; count: number };
export type ShapeRun = { warmup: number; samples: number; budgetSeconds: number; log(line: string): void };

/** Samples per shape; a shape stops early past the budget (only a very slow query does), with at least 20 samples. */
export const shapeRun = (quick: boolean, log: (line: string) => void): ShapeRun => ({ samples: quick ? 20 : 200, warmup: quick ? 2 : 20, budgetSeconds: quick ? 20 : 90, log });

/** Every shape in turn; failures name the shape and the HTTP status of any request not answered 200. */
export async function measureShapes<A>(
  shapes: Record<string, Shape<A>>,
  ask: (a: A) => Promise<{ ms: number; status: number }>,
  run: ShapeRun,
): Promise<{ measured: Record<string, Measured>; failures: string[] }> {
  const measured: Record<string, Measured> = {};
  const failures: string[] = [];
  for (const [key, shape] of Object.entries(shapes)) {
    for (let i = 0; i < run.warmup; i++) await ask(shape.asks(i));
    const times: number[] = [];
    const started = performance.now();
    for (let i = 0; i < run.samples; i++) {
      const r = await ask(shape.asks(i));
      if (r.status !== 200) failures.push(`${shape.label}: HTTP ${r.status}`);
      times.push(r.ms);
      if (times.length >= 20 && performance.now() - started > run.budgetSeconds * 1000) break;
    }
    measured[key] = { p50: percentile(times, 50), p95: percentile(times, 95), count: times.length };
    run.log(`${shape.label}: p50 ${measured[key]!.p50.toFixed(1)} ms, p95 ${measured[key]!.p95.toFixed(1)} ms (${times.length} requests)`);
  }
  return { measured, failures };
}

/** The table: every shape but `first` against `first` (the unfiltered first page), then `first` itself. */
export function ratioRows<A>(shapes: Record<string, Shape<A>>, measured: Record<string, Measured>, heading: string): Row[] {
  const base = measured.first!;
  const againstLabel = `unfiltered first page, p95 (${base.count} requests)`;
  const rows: Row[] = Object.keys(shapes)
    .filter((key) => key !== "first")
    .map((key, i) => ({
      measure: `${i === 0 ? `${heading} — ` : ""}${shapes[key]!.label}, p95 (p50 ${measured[key]!.p50.toFixed(1)} ms, ${measured[key]!.count} requests)`,
      value: { value: measured[key]!.p95, unit: "ms" },
      against: { label: againstLabel, value: { value: base.p95, unit: "ms" } },
      ratio: costRatio(measured[key]!.p95, base.p95),
    }));
  rows.push({ measure: `unfiltered first page, p95 (p50 ${base.p50.toFixed(1)} ms)`, value: { value: base.p95, unit: "ms" } });
  return rows;
}
