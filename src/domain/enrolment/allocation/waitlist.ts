/**
 * Waitlist movement after publication. When a family declines its offer (and so leaves the
 * allocation), its seat goes to the top of that program's waitlist; a family moved up gives
 * up its lower offer, whose seat in turn goes to the top of that program's waitlist, and so
 * on until a freed seat has nobody waiting or the family moved up had no offer. Each step
 * gives a seat to the highest-priority family that wants it more than what it holds, so the
 * result stays free of blocking pairs (no family prefers a program that has a free seat or
 * admitted someone of lower priority) and within capacity; the cascade ends because every
 * move strictly improves one family's offer. Works on the published file plus the current
 * offer state, so the caller only stores offers and who withdrew.
 */
import { DomainError } from "../../errors";
import { parseOrThrow } from "./allocate";
import { explainMove } from "./explain";
import { buildMarket, type Market } from "./market";
import { buildResult, isWaiting } from "./outcome";
import type { AllocationResult, OfferChange, OfferState, PublishedAllocation, WaitlistEvent } from "./schemas";
import { WaitlistEvent as WaitlistEventSchema } from "./schemas";

/** The state right after publication: the published offers, nobody withdrawn. */
export function initialOfferState(published: PublishedAllocation): OfferState {
  return { offers: Object.fromEntries(published.applicants.map((a) => [a.id, a.offer])), withdrawn: [] };
}

function marketOf(published: PublishedAllocation): Market {
  return buildMarket(published.programs, published.applicants, Float64Array.from(published.applicants, (a) => a.lottery));
}

function assignmentOf(market: Market, state: OfferState): { assigned: Int32Array; active: Uint8Array } {
  const n = market.applicants.length;
  const assigned = new Int32Array(n).fill(-1);
  const active = new Uint8Array(n).fill(1);
  for (const id of state.withdrawn) {
    const i = market.applicantIndex.get(id);
    if (i !== undefined) active[i] = 0;
  }
  market.applicants.forEach((a, i) => {
    const offer = state.offers[a.id] ?? null;
    if (offer === null || active[i] === 0) return;
    const rank = a.choices.findIndex((c) => c.program === offer);
    if (rank === -1) throw new DomainError("validation", `申请${a.id}的录取学位${offer}不在其志愿中`);
    assigned[i] = market.choiceStart[i]! + rank;
  });
  return { assigned, active };
}

function stateOf(market: Market, assigned: Int32Array, withdrawn: string[]): OfferState {
  const offers: Record<string, string | null> = {};
  market.applicants.forEach((a, i) => {
    const k = assigned[i]!;
    offers[a.id] = k === -1 ? null : market.programs[market.choiceProgram[k]!]!.id;
  });
  return { offers, withdrawn };
}

/** Applies a decline and the cascade it sets off; returns the new state and every changed
 *  offer, in order, with a Chinese message for the notification. */
export function moveWaitlist(published: PublishedAllocation, state: OfferState, event: WaitlistEvent): { state: OfferState; changes: OfferChange[] } {
  const { applicant } = parseOrThrow(WaitlistEventSchema, event);
  const market = marketOf(published);
  const { assigned, active } = assignmentOf(market, state);
  const d = market.applicantIndex.get(applicant);
  if (d === undefined) throw new DomainError("not_found", `没有编号为${applicant}的申请`);
  if (active[d] === 0) throw new DomainError("conflict", "该申请已退出分配");
  const label = (p: number) => market.programs[p]!.label;
  const programOf = (k: number) => market.choiceProgram[k]!;
  const offered = new Int32Array(market.programs.length);
  assigned.forEach((k) => {
    if (k !== -1) offered[programOf(k)]! += 1;
  });

  const changes: OfferChange[] = [];
  const declined = assigned[d]!;
  const fromId = declined === -1 ? null : market.programs[programOf(declined)]!.id;
  changes.push({ applicant, from: fromId, to: null, reason: "declined", message: explainMove({ reason: "declined", from: declined === -1 ? null : label(programOf(declined)), to: null }) });
  active[d] = 0;
  assigned[d] = -1;
  const freed: number[] = [];
  if (declined !== -1) {
    offered[programOf(declined)]! -= 1;
    freed.push(programOf(declined));
  }
  while (freed.length > 0) {
    const p = freed.shift()!;
    if (offered[p]! >= market.programs[p]!.seats) continue;
    let moved = -1;
    for (let o = market.orderStart[p]!; o < market.orderStart[p + 1]!; o++) {
      const k = market.orderChoice[o]!;
      if (active[market.choiceApplicant[k]!] === 1 && isWaiting(assigned, market, k)) {
        moved = k;
        break;
      }
    }
    if (moved === -1) continue; // nobody wants this seat more than what they hold
    const i = market.choiceApplicant[moved]!;
    const old = assigned[i]!;
    assigned[i] = moved;
    offered[p]! += 1;
    const from = old === -1 ? null : programOf(old);
    changes.push({
      applicant: market.applicants[i]!.id,
      from: from === null ? null : market.programs[from]!.id,
      to: market.programs[p]!.id,
      reason: "moved_up",
      message: explainMove({ reason: "moved_up", from: from === null ? null : label(from), to: label(p) }),
    });
    if (from !== null) {
      offered[from]! -= 1;
      freed.push(from);
    }
  }
  return { state: stateOf(market, assigned, [...state.withdrawn, applicant]), changes };
}

/** The full result (offers, waitlists without withdrawn families, cut-offs, explanations) for
 *  the current state, e.g. to show a family its waitlist position after moves. */
export function resultForState(published: PublishedAllocation, state: OfferState): AllocationResult {
  const market = marketOf(published);
  const { assigned, active } = assignmentOf(market, state);
  return buildResult(market, assigned, published.seed, published.inputDigest, active);
}
