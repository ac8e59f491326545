/**
 * The machine a run happened on, recorded beside its figures (docs/performance.md and
 * bench/results.json): figures without their machine cannot be compared.
 */
import os from "node:os";

export type Machine = { cpu: string; cores: number; memoryGiB: number; os: string; node: string; loadAverage: number[] };

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
