/**
 * Student-proposing deferred acceptance (Gale & Shapley 1962; Abdulkadiroğlu & Sönmez 2003):
 * every unplaced applicant proposes to its best program not yet tried; each program holds
 * the best proposals up to its seats by its priority order and rejects the rest; rejected
 * applicants propose again; nothing is final until nobody is left to propose. The outcome is
 * the applicant-optimal stable matching, which does not depend on the order of proposals,
 * and telling the truth is each family's best strategy. Each program keeps its held
 * applicants in a max-heap of priority ranks, so a proposal costs O(log seats).
 */
import type { Market } from "./market";

/** Returns, per applicant, the flat index of the admitted choice, or -1 if unplaced. */
export function deferredAcceptance(market: Market): Int32Array {
  const { programs, choiceStart, choiceProgram, choiceApplicant, choiceRank, orderStart, orderChoice } = market;
  const n = market.applicants.length;
  const P = programs.length;
  // A program never holds more than min(seats, applicants who rank it).
  const heapStart = new Int32Array(P + 1);
  for (let p = 0; p < P; p++) heapStart[p + 1] = heapStart[p]! + Math.min(programs[p]!.seats, orderStart[p + 1]! - orderStart[p]!);
  const heap = new Int32Array(heapStart[P]!);
  const heapSize = new Int32Array(P);
  const assigned = new Int32Array(n).fill(-1);
  const next = choiceStart.slice(0, n); // next flat choice each applicant will propose to
  const stack: number[] = [];
  for (let i = n - 1; i >= 0; i--) stack.push(i);

  while (stack.length > 0) {
    const i = stack.pop()!;
    let k = next[i]!;
    const end = choiceStart[i + 1]!;
    // Propose down the list until held somewhere or out of choices.
    for (; k < end; k++) {
      const p = choiceProgram[k]!;
      const cap = heapStart[p + 1]! - heapStart[p]!;
      if (cap === 0) continue;
      const base = heapStart[p]!;
      const r = choiceRank[k]!;
      const size = heapSize[p]!;
      if (size < cap) {
        // Sift up.
        let at = size;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (heap[base + parent]! >= r) break;
          heap[base + at] = heap[base + parent]!;
          at = parent;
        }
        heap[base + at] = r;
        heapSize[p] = size + 1;
        assigned[i] = k;
        break;
      }
      const worst = heap[base]!;
      if (r > worst) continue; // the program prefers everyone it holds
      // Replace the worst held applicant and sift down.
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= size) break;
        const right = left + 1;
        const child = right < size && heap[base + right]! > heap[base + left]! ? right : left;
        if (heap[base + child]! <= r) break;
        heap[base + at] = heap[base + child]!;
        at = child;
      }
      heap[base + at] = r;
      assigned[i] = k;
      const rejected = choiceApplicant[orderChoice[orderStart[p]! + worst]!]!;
      assigned[rejected] = -1;
      next[rejected] = orderChoice[orderStart[p]! + worst]! + 1;
      stack.push(rejected);
      break;
    }
    next[i] = k + 1;
  }
  return assigned;
}
