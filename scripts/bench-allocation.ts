/**
 * `npm run bench:allocation [-- --applicants 100000 --programs 300 --choices 3]`: times the
 * allocation on a synthetic district (issue 8's target size by default). Programs sit in 30
 * areas; an applicant is in the 施教区 of its own area's programs and ranks mostly nearby,
 * popular ones, so programs are over-subscribed and the lottery matters. Prints figures
 * only: nothing here fails on time (tests never do).
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { allocate, moveWaitlist, initialOfferState, rerunFromPublished, toPublished, type AllocationInput } from "../src/domain/enrolment/allocation";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const nApplicants = arg("applicants", 100_000);
const nPrograms = arg("programs", 300);
const nChoices = arg("choices", 3);
const areas = 30;

const g = xoroshiro128plus(20260901);
const rnd = () => uniformFloat64(g);
const programs = Array.from({ length: nPrograms }, (_, p) => ({ id: `P${p}`, label: `第${p}学校 一年级`, seats: Math.round(((0.9 * nApplicants) / nPrograms) * (0.5 + rnd())) }));
const popularity = programs.map(() => rnd() ** 2);
const areaOf = (p: number) => p % areas;
const applicants: AllocationInput["applicants"] = Array.from({ length: nApplicants }, (_, i) => {
  const home = Math.floor(rnd() * areas);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(nChoices, nPrograms)) {
    const near = rnd() < 0.7;
    const p = near ? home + areas * Math.floor(rnd() * (nPrograms / areas)) : Math.floor(rnd() * nPrograms);
    if (p < nPrograms && rnd() < 0.3 + popularity[p]!) chosen.add(p);
  }
  return {
    id: `A${i}`,
    choices: [...chosen].map((p) => ({ program: `P${p}`, tier: areaOf(p) === home ? ("catchment" as const) : ("other" as const) })),
    points: Math.floor(rnd() * 13),
  };
});
const input: AllocationInput = { seed: "2026年秋季入学-公开摇号", programs, applicants };

const time = <T>(label: string, f: () => T): T => {
  const t0 = performance.now();
  const out = f();
  console.log(`${label}: ${(performance.now() - t0).toFixed(0)} ms`);
  return out;
};
console.log(`${nApplicants} applicants × ${nPrograms} programs × ${nChoices} choices (Node ${process.version})`);
time("allocate (warm-up)", () => allocate(input));
const result = time("allocate", () => allocate(input));
const placed = result.applicants.filter((a) => a.offer !== null).length;
const first = result.applicants.filter((a) => a.reason === "first_choice").length;
console.log(`placed ${placed} (${first} first choice), unplaced ${nApplicants - placed}`);
const file = time("toPublished", () => toPublished(result));
const json = time("JSON.stringify", () => JSON.stringify(file));
console.log(`published file: ${(json.length / 1e6).toFixed(1)} MB`);
const report = time("rerunFromPublished (parse + re-run + compare)", () => rerunFromPublished(JSON.parse(json)));
console.log(`re-run matches: ${report.matches}`);
const decliner = result.applicants.find((a) => a.offer !== null)!.id;
const moved = time("moveWaitlist (one decline)", () => moveWaitlist(file, initialOfferState(file), { type: "decline", applicant: decliner }));
console.log(`one decline changed ${moved.changes.length} offers`);
