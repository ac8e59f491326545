/**
 * The market in flat typed arrays, built once per run so the deferred-acceptance loop never
 * sorts or looks anything up by string: each applicant's choices are a contiguous slice of
 * the "choice" arrays (best first), and each program's priority order is a slice of
 * `orderChoice`. Priority at a program is (tier, then points high→low, then lottery low→high,
 * then id as a last resort for equal lottery numbers, which 52-bit numbers make practically
 * impossible). Points and lottery are the same at every school, so one global sort of the
 * applicants plus a two-pass bucket fill by tier gives every program's order in linear time.
 */
import { PRIORITY_TIERS, type PriorityTier } from "./vocabulary";

export type MarketApplicant = { id: string; choices: { program: string; tier: PriorityTier }[]; points: number; lottery: number };
export type MarketProgram = { id: string; label: string; seats: number };

export type Market = {
  programs: MarketProgram[];
  applicants: MarketApplicant[];
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

/** Compares two applicants on the school-independent part of priority (negative: a first). */
export function compareBeyondTier(a: MarketApplicant, b: MarketApplicant): number {
  if (a.points !== b.points) return b.points - a.points;
  if (a.lottery !== b.lottery) return a.lottery - b.lottery;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Builds the market; ids must already be valid (schemas.ts checks them). */
export function buildMarket(programs: MarketProgram[], applicants: MarketApplicant[]): Market {
  const programIndex = new Map(programs.map((p, i) => [p.id, i]));
  const applicantIndex = new Map(applicants.map((a, i) => [a.id, i]));
  const n = applicants.length;
  const choiceStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) choiceStart[i + 1] = choiceStart[i]! + applicants[i]!.choices.length;
  const total = choiceStart[n]!;
  const choiceProgram = new Int32Array(total);
  const choiceApplicant = new Int32Array(total);
  const choiceTier = new Uint8Array(total);
  const choiceRank = new Int32Array(total);
  const counts = new Int32Array(programs.length);
  for (let i = 0; i < n; i++) {
    let k = choiceStart[i]!;
    for (const c of applicants[i]!.choices) {
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
  const points = Float64Array.from(applicants, (a) => a.points);
  const lottery = Float64Array.from(applicants, (a) => a.lottery);
  const byPriority = Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => points[y]! - points[x]! || lottery[x]! - lottery[y]! || compareBeyondTier(applicants[x]!, applicants[y]!),
  );
  const orderChoice = new Int32Array(total);
  const cursor = orderStart.slice(0, programs.length);
  for (let t = 0; t < PRIORITY_TIERS.length; t++) {
    for (const i of byPriority) {
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
  return { programs, applicants, programIndex, applicantIndex, choiceStart, choiceProgram, choiceApplicant, choiceTier, choiceRank, orderStart, orderChoice };
}

/** Index of a tier in PRIORITY_TIERS back to its code. */
export function tierOf(index: number): PriorityTier {
  return PRIORITY_TIERS[index]!;
}
