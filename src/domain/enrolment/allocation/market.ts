/**
 * The market in flat typed arrays, built once per run so the deferred-acceptance loop never
 * sorts or looks anything up by string: each applicant's choices are a contiguous slice of
 * the "choice" arrays (best first), and each program's priority order is a slice of
 * `orderChoice`. Priority at a program is (tier, then points high→low, then lottery low→high,
 * then id as a last resort for equal lottery numbers, which 52-bit numbers make practically
 * impossible). Points and lottery are the same at every school, so one global sort of the
 * applicants plus a two-pass bucket fill by tier gives every program's order in linear time.
 * That global sort is a radix sort on (points rank, lottery as a 52-bit integer), with equal
 * pairs put in id order afterwards; a lottery that is not a multiple of 2^-52 (only a
 * hand-edited file has one) falls back to a comparison sort with the same order.
 */
import { PRIORITY_TIERS, type PriorityTier } from "./vocabulary";

export type MarketApplicant = { id: string; choices: { program: string; tier: PriorityTier }[]; points: number };
export type MarketProgram = { id: string; label: string; seats: number };

export type Market = {
  programs: MarketProgram[];
  applicants: MarketApplicant[];
  /** Applicant i's points and lottery number. */
  points: Float64Array;
  lottery: Float64Array;
  programIndex: Map<string, number>;
  applicantIndex: Map<string, number>;
  /** Choices of applicant i are flat indices choiceStart[i] … choiceStart[i+1]-1, best first. */
  choiceStart: Int32Array;
  choiceProgram: Int32Array;
  choiceApplicant: Int32Array;
  choiceTier: Uint8Array;
  /** Position of the choice's applicant in its program's priority order (0 = first). */
  choiceRank: Int32Array;
  /** Program p's priority order: flat choice indices orderChoice[orderStart[p] …]. */
  orderStart: Int32Array;
  orderChoice: Int32Array;
};

const TIER_INDEX: Record<PriorityTier, number> = Object.fromEntries(PRIORITY_TIERS.map((t, i) => [t, i])) as Record<PriorityTier, number>;

const byIdOf = (applicants: MarketApplicant[]) => (x: number, y: number) => {
  const a = applicants[x]!.id;
  const b = applicants[y]!.id;
  return a < b ? -1 : a > b ? 1 : 0;
};

/** One stable counting-sort pass of `from` into `to` by key(i) in [0, buckets). */
function countingPass(from: Int32Array, to: Int32Array, buckets: number, key: (i: number) => number): void {
  const counts = new Int32Array(buckets + 1);
  for (let j = 0; j < from.length; j++) counts[key(from[j]!) + 1]! += 1;
  for (let b = 0; b < buckets; b++) counts[b + 1]! += counts[b]!;
  for (let j = 0; j < from.length; j++) {
    const i = from[j]!;
    to[counts[key(i)]!++] = i;
  }
}

/** Applicant indices in priority order beyond tier: points high→low, lottery low→high, id. */
export function priorityOrder(applicants: MarketApplicant[], points: Float64Array, lottery: Float64Array): Int32Array {
  const n = applicants.length;
  const distinct = [...new Set(points)].sort((a, b) => b - a);
  const rankOf = new Map(distinct.map((v, r) => [v, r]));
  const pointsRank = Int32Array.from(points, (v) => rankOf.get(v)!);
  const low = new Int32Array(n); // lottery × 2^52 in two 26-bit halves
  const high = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const scaled = lottery[i]! * 2 ** 52;
    if (!Number.isInteger(scaled)) {
      const order = Int32Array.from({ length: n }, (_, j) => j);
      const byId = byIdOf(applicants);
      return order.sort((x, y) => points[y]! - points[x]! || lottery[x]! - lottery[y]! || byId(x, y));
    }
    high[i] = Math.floor(scaled / 2 ** 26);
    low[i] = scaled % 2 ** 26;
  }
  let order = Int32Array.from({ length: n }, (_, j) => j);
  let spare = new Int32Array(n);
  const passes: [number, (i: number) => number][] = [
    [1 << 13, (i) => low[i]! & 8191],
    [1 << 13, (i) => low[i]! >>> 13],
    [1 << 13, (i) => high[i]! & 8191],
    [1 << 13, (i) => high[i]! >>> 13],
    [distinct.length, (i) => pointsRank[i]!],
  ];
  for (const [buckets, key] of passes) {
    countingPass(order, spare, buckets, key);
    [order, spare] = [spare, order];
  }
  // Equal points and lottery (practically never): id order, as the comparison says.
  for (let j = 0; j < n; ) {
    let end = j + 1;
    const i = order[j]!;
    while (end < n && pointsRank[order[end]!] === pointsRank[i] && lottery[order[end]!] === lottery[i]) end += 1;
    if (end - j > 1) order.subarray(j, end).sort(byIdOf(applicants));
    j = end;
  }
  return order;
}

/** Builds the market; ids must already be valid (schemas.ts checks them). The id maps are
 *  passed in when validation has built them already. */
export function buildMarket(
  programs: MarketProgram[],
  applicants: MarketApplicant[],
  lottery: Float64Array,
  indices?: { programIndex: Map<string, number>; applicantIndex: Map<string, number> },
): Market {
  const programIndex = indices?.programIndex ?? new Map(programs.map((p, i) => [p.id, i]));
  const applicantIndex = indices?.applicantIndex ?? new Map(applicants.map((a, i) => [a.id, i]));
  const n = applicants.length;
  const choiceStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) choiceStart[i + 1] = choiceStart[i]! + applicants[i]!.choices.length;
  const total = choiceStart[n]!;
  const choiceProgram = new Int32Array(total);
  const choiceApplicant = new Int32Array(total);
  const choiceTier = new Uint8Array(total);
  const choiceRank = new Int32Array(total);
  const counts = new Int32Array(programs.length);
  const points = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let k = choiceStart[i]!;
    const a = applicants[i]!;
    points[i] = a.points;
    for (const c of a.choices) {
      const p = programIndex.get(c.program);
      if (p === undefined) throw new Error(`unknown program ${c.program}`);
      choiceProgram[k] = p;
      choiceApplicant[k] = i;
      choiceTier[k] = TIER_INDEX[c.tier];
      counts[p]! += 1;
      k += 1;
    }
  }
  const orderStart = new Int32Array(programs.length + 1);
  for (let p = 0; p < programs.length; p++) orderStart[p + 1] = orderStart[p]! + counts[p]!;
  const byPriority = priorityOrder(applicants, points, lottery);
  const orderChoice = new Int32Array(total);
  const cursor = orderStart.slice(0, programs.length);
  for (let t = 0; t < PRIORITY_TIERS.length; t++) {
    for (let j = 0; j < n; j++) {
      const i = byPriority[j]!;
      for (let k = choiceStart[i]!; k < choiceStart[i + 1]!; k++) {
        if (choiceTier[k] !== t) continue;
        const p = choiceProgram[k]!;
        const at = cursor[p]!;
        orderChoice[at] = k;
        choiceRank[k] = at - orderStart[p]!;
        cursor[p] = at + 1;
      }
    }
  }
  return { programs, applicants, points, lottery, programIndex, applicantIndex, choiceStart, choiceProgram, choiceApplicant, choiceTier, choiceRank, orderStart, orderChoice };
}

/** Index of a tier in PRIORITY_TIERS back to its code. */
export function tierOf(index: number): PriorityTier {
  return PRIORITY_TIERS[index]!;
}
