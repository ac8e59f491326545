/**
 * Turns an assignment (flat choice index per applicant, or -1) back into the result people
 * read: per program the seats, how many ranked it (in its 施教区, first choice), offers, the
 * cut-off and the waitlist; per applicant the offer, what happened at every ranked choice,
 * a reason code and the Chinese explanation. Waitlists hold everyone who ranked the program
 * above their offer (or at all when unplaced), in the program's priority order.
 */
import type { AllocationReason, ChoiceOutcome, DecidingCriterion } from "./vocabulary";
import { ALGORITHM } from "./vocabulary";
import { explainApplicant, programText } from "./explain";
import { LOTTERY_RULE_ZH } from "./lottery";
import { tierOf, type Market } from "./market";
import type { AllocationResult, ApplicantResult, ChoiceResult, Cutoff, ProgramResult } from "./schemas";

/** Is the applicant of flat choice k waiting for that choice's program? */
export function isWaiting(assigned: Int32Array, market: Market, k: number): boolean {
  const a = assigned[market.choiceApplicant[k]!]!;
  return a === -1 || a > k;
}

export function cutoffOf(market: Market, cut: number): Cutoff | null {
  if (cut === -1) return null;
  const i = market.choiceApplicant[cut]!;
  return { tier: tierOf(market.choiceTier[cut]!), points: market.applicants[i]!.points, lottery: market.lottery[i]! };
}

/** Offers per program and the flat choice index of its last admitted applicant (-1: none). */
export function offersAndCutoffs(market: Market, assigned: Int32Array): { offers: Int32Array; cutoffChoice: Int32Array } {
  const { programs, choiceApplicant, orderStart, orderChoice } = market;
  const offers = new Int32Array(programs.length);
  const cutoffChoice = new Int32Array(programs.length).fill(-1);
  for (let p = 0; p < programs.length; p++) {
    for (let o = orderStart[p]!; o < orderStart[p + 1]!; o++) {
      const k = orderChoice[o]!;
      if (assigned[choiceApplicant[k]!] !== k) continue;
      offers[p]! += 1;
      cutoffChoice[p] = k;
    }
  }
  return { offers, cutoffChoice };
}

export function buildResult(market: Market, assigned: Int32Array, seed: string, inputDigest: string, active?: Uint8Array): AllocationResult {
  const { programs, applicants, choiceStart, choiceProgram, choiceApplicant, choiceTier, orderStart, orderChoice } = market;
  const waitlistPosition = new Int32Array(choiceProgram.length);
  const { offers, cutoffChoice } = offersAndCutoffs(market, assigned);
  const programResults: ProgramResult[] = programs.map((program, p) => {
    let catchmentApplicants = 0;
    let firstChoiceApplicants = 0;
    const waitlist: string[] = [];
    for (let o = orderStart[p]!; o < orderStart[p + 1]!; o++) {
      const k = orderChoice[o]!;
      const i = choiceApplicant[k]!;
      if (choiceTier[k] === 0) catchmentApplicants += 1;
      if (choiceStart[i] === k) firstChoiceApplicants += 1;
      if (isWaiting(assigned, market, k) && (active === undefined || active[i] === 1)) {
        waitlist.push(applicants[i]!.id);
        waitlistPosition[k] = waitlist.length;
      }
    }
    return {
      id: program.id,
      label: program.label,
      seats: program.seats,
      applicants: orderStart[p + 1]! - orderStart[p]!,
      catchmentApplicants,
      firstChoiceApplicants,
      offers: offers[p]!,
      cutoff: cutoffOf(market, cutoffChoice[p]!),
      waitlist,
    };
  });

  const texts = programResults.map(programText);
  const applicantResults: ApplicantResult[] = new Array(applicants.length);
  for (let i = 0; i < applicants.length; i++) {
    const a = applicants[i]!;
    const at = assigned[i]!;
    // Sized up front: an array grown by push reserves 17 slots, and 100,000 of them survive.
    const choices: ChoiceResult[] = new Array(choiceStart[i + 1]! - choiceStart[i]!);
    for (let k = choiceStart[i]!; k < choiceStart[i + 1]!; k++) {
      const p = choiceProgram[k]!;
      const outcome: ChoiceOutcome = at === k ? "offered" : at === -1 || at > k ? "waitlisted" : "not_needed";
      let deciding: DecidingCriterion | null = null;
      if (outcome === "waitlisted") {
        const cut = cutoffChoice[p]!;
        if (cut === -1) deciding = "no_seats";
        else if (choiceTier[cut] !== choiceTier[k]) deciding = "tier";
        else if (applicants[choiceApplicant[cut]!]!.points !== a.points) deciding = "points";
        else deciding = "lottery";
      }
      const position = outcome === "waitlisted" && waitlistPosition[k]! > 0 ? waitlistPosition[k]! : null;
      choices[k - choiceStart[i]!] = { program: programs[p]!.id, rank: k - choiceStart[i]! + 1, tier: tierOf(choiceTier[k]!), outcome, deciding, waitlistPosition: position };
    }
    const offerRank = at === -1 ? null : at - choiceStart[i]! + 1;
    const reason: AllocationReason = choices.length === 0 ? "no_choices" : offerRank === null ? "unplaced" : offerRank === 1 ? "first_choice" : "lower_choice";
    const lottery = market.lottery[i]!;
    applicantResults[i] = {
      id: a.id,
      lottery,
      points: a.points,
      offer: at === -1 ? null : programs[choiceProgram[at]!]!.id,
      offerRank,
      reason,
      choices,
      explanation: explainApplicant({ points: a.points, lottery, choices }, (j) => texts[choiceProgram[choiceStart[i]! + j]!]!),
    };
  }

  return { algorithm: { ...ALGORITHM }, seed, lotteryRule: LOTTERY_RULE_ZH, inputDigest, programs: programResults, applicants: applicantResults };
}
