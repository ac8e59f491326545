/**
 * The allocation's public API (DOMAIN.md §3; issue 6): student-proposing deferred acceptance
 * over school programs with priorities 施教区 → documented points → one lottery number per
 * applicant from a published seed, explanations for every family, waitlist movement after a
 * decline, and the anonymised file anyone can re-run. Pure TypeScript: no I/O, no node:*.
 *
 *   const result = allocate({ seed, programs: [{ id, label, seats }], applicants: [{ id, choices: [{ program, tier }], points }] });
 *   const file = toPublished(result);                      // publish as JSON
 *   rerunFromPublished(file).matches;                      // true
 *   const { state, changes } = moveWaitlist(file, initialOfferState(file), { type: "decline", applicant: "A7" });
 */
export { allocate } from "./allocate";
export { lotteryNumber, lotteryMessage, LOTTERY_RULE_ZH, LOTTERY_RULE_EN } from "./lottery";
export { inputDigest } from "./input-digest";
export { toPublished, rerunFromPublished, PUBLISHED_FORMAT, type RerunReport } from "./published";
export { rerunResultsFile, ResultsFile, RESULTS_FORMAT, type ResultsReport } from "./results-file";
export { initialOfferState, moveWaitlist, resultForState } from "./waitlist";
export { choiceName, formatLottery } from "./explain";
export * from "./schemas";
export * from "./vocabulary";
