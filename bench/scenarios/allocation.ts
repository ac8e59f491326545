/**
 * Allocation: seconds to allocate 100,000 applicants × 300 programs × 3 preferences (issue
 * 8's size), against a single pass over the same input in the same run. Also times the
 * published file's re-run (what anyone checking the result does) and one decline's waitlist
 * cascade, and checks that the re-run matches.
 */
import { allocate, initialOfferState, moveWaitlist, rerunFromPublished, toPublished } from "../../src/domain/enrolment/allocation";
import { singlePass, syntheticMarket } from "../fixtures/allocation-market";
import { timed } from "../harness/stats";
import { costRatio, type Scenario } from "../harness/types";

export const allocation: Scenario = {
  id: "allocation",
  title: "Allocation",
  async run({ quick, log }) {
    const [nApplicants, nPrograms, nChoices] = quick ? [5_000, 30, 3] : [100_000, 300, 3];
    const input = syntheticMarket(nApplicants, nPrograms, nChoices);
    const size = `${nApplicants.toLocaleString("en-US")} × ${nPrograms} × ${nChoices}`;
    log(`market ${size} generated`);

    // Warm both up once so neither pays the JIT alone, then take the best of three.
    const best = async (f: () => unknown) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) times.push((await timed(f)).ms);
      return Math.min(...times);
    };
    singlePass(input);
    allocate(input);
    const passMs = await best(() => singlePass(input));
    const allocateMs = await best(() => allocate(input));
    log(`allocate ${allocateMs.toFixed(0)} ms, single pass ${passMs.toFixed(1)} ms`);

    const result = allocate(input);
    const json = JSON.stringify(toPublished(result));
    const rerunMs = await best(() => rerunFromPublished(JSON.parse(json)));
    const rerun = rerunFromPublished(JSON.parse(json));
    const decliner = result.applicants.find((a) => a.offer !== null)!.id;
    const file = toPublished(result);
    const decline = await timed(() => moveWaitlist(file, initialOfferState(file), { type: "decline", applicant: decliner }));
    const placed = result.applicants.filter((a) => a.offer !== null).length;

    const against = { label: `one pass over the input (${size})`, value: { value: passMs, unit: "ms" } };
    return {
      rows: [
        { measure: `allocate ${size}`, value: { value: allocateMs, unit: "ms" }, against, ratio: costRatio(allocateMs, passMs) },
        { measure: "re-run from the published file (JSON parse, validate, match, compare)", value: { value: rerunMs, unit: "ms" }, against, ratio: costRatio(rerunMs, passMs) },
        { measure: "one decline and its waitlist cascade", value: { value: decline.ms, unit: "ms" } },
      ],
      checks: [{ label: "re-running the published file gives the same result", ok: rerun.matches, detail: `${placed} of ${nApplicants} placed; published file ${(json.length / 1e6).toFixed(1)} MB` }],
      notes: [],
    };
  },
};
