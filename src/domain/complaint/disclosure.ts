/**
 * Disclosure control for the published complaint tables (issue 22 item 5). Each table is a
 * one-way count (by category, school, department or month) published with the grand total,
 * so its cells and the total form one linear system: hidden cells sum to the total minus the
 * published cells. A reader may also know a floor for some cells: the cases the portal lists
 * one by one (Open311, the approved summaries) are only cases whose filers consented and
 * that are closed, and counting them gives each category, department and month a lower bound.
 * Rule: hide every count from 1 to 4 (primary suppression); then, while the hidden cells of
 * a table leave a hidden cell only one feasible value (fewer than two hidden cells, or the
 * hidden cells' sum equals the sum of their floors), hide the smallest published non-zero
 * cell as well (secondary suppression). With two or more hidden cells whose sum exceeds the
 * sum of their floors by at least one, every hidden cell has at least two feasible values
 * (it can trade one case with another hidden cell). If even hiding every cell leaves one
 * derivable (say five keys of one case each under a total of 5: a listed key has at least one
 * case), the table is withheld whole (no cells). Tables are published only beside a published
 * total (`complaintStats` withholds them all when the total is under 5). A share is published only when neither
 * of its two counts (on time, late) is from 1 to 4, because the share times its published
 * denominator gives the count back. Pure: the API runs it on the server.
 */

export const MIN_PUBLISHED_COUNT = 5;

/** A published cell: `count` is null when hidden. */
export type Cell = { key: string; count: number | null };

const isSmall = (n: number) => n > 0 && n < MIN_PUBLISHED_COUNT;

/** The count a hidden cell is known to reach at least: 1 (it is listed) or its public floor. */
const floorOf = (floors: ReadonlyMap<string, number>, key: string) => Math.max(1, floors.get(key) ?? 0);

/**
 * Whether the hidden cells of a table leave each of them at least two feasible values: two
 * or more hidden cells, and at least one case more than their floors account for.
 */
export function hiddenCellsAreSafe(hidden: readonly { key: string; count: number }[], floors: ReadonlyMap<string, number>): boolean {
  if (hidden.length === 0) return true;
  const slack = hidden.reduce((sum, c) => sum + c.count - floorOf(floors, c.key), 0);
  return hidden.length >= 2 && slack >= 1;
}

/**
 * One table with primary and secondary suppression, sorted by key. `floors` holds, per key,
 * how many of its cases are listed publicly one by one.
 */
export function protectTable(counts: ReadonlyMap<string, number>, floors: ReadonlyMap<string, number> = new Map()): Cell[] {
  const all = [...counts].map(([key, count]) => ({ key, count }));
  const hidden = new Set(all.filter((c) => isSmall(c.count)).map((c) => c.key));
  // Secondary suppression: the smallest published non-zero cell first (ties by key), until safe.
  const candidates = all.filter((c) => !hidden.has(c.key) && c.count > 0).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key));
  const safe = () => hiddenCellsAreSafe(all.filter((c) => hidden.has(c.key)), floors);
  while (!safe() && candidates.length > 0) hidden.add(candidates.shift()!.key);
  if (!safe()) return [];
  return all.map((c) => ({ key: c.key, count: hidden.has(c.key) ? null : c.count })).sort((a, b) => a.key.localeCompare(b.key));
}

/** A count as published on its own (a total): hidden from 1 to 4. */
export const publishedCount = (n: number): number | null => (isSmall(n) ? null : n);

/**
 * A share `part / whole` (0–1, 3 decimals), or null when the whole is under 5 or either the
 * part or the rest is from 1 to 4: the share times the published whole would give it back.
 */
export function publishedShare(part: number, whole: number): number | null {
  if (whole < MIN_PUBLISHED_COUNT || isSmall(part) || isSmall(whole - part)) return null;
  return Math.round((part / whole) * 1000) / 1000;
}
