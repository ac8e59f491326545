/**
 * Derived figures of a commitment: its progress (explicit, else the latest history entry,
 * else the status's default), whether it is overdue on the tracker's as-of date, and a
 * body's counts by status with its overall progress (the mean of its commitments).
 * Overdue is computed against a fixed as-of date from the content, never the build clock,
 * so the same content always publishes the same page.
 */
import type { Commitment } from "./department";
import { COMMITMENT_STATUSES, DEFAULT_PROGRESS, type CommitmentStatus } from "./vocabulary";

export function progressOf(c: Commitment): number | undefined {
  return c.progress ?? c.history.at(-1)?.value ?? DEFAULT_PROGRESS[c.status];
}

export function isOverdue(c: Commitment, asOf: string): boolean {
  return c.status !== "done" && c.deadline < asOf;
}

export function countsByStatus(commitments: readonly Commitment[]): Record<CommitmentStatus, number> {
  const counts = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<CommitmentStatus, number>;
  for (const c of commitments) counts[c.status] += 1;
  return counts;
}

/** Mean progress in whole percent, or null for a body with no commitments. */
export function overallProgress(commitments: readonly Commitment[]): number | null {
  if (commitments.length === 0) return null;
  return Math.round(commitments.reduce((sum, c) => sum + (progressOf(c) ?? 0), 0) / commitments.length);
}
