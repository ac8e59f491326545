/**
 * The allocation's validation on its common path, written out by hand. The zod schemas in
 * schemas.ts stay the contract and the only source of error messages; parsing 100,000
 * applicants through them costs more than the matching, so this module checks the same rules
 * in one loop over plain data and, on the way, builds the id → index maps the market needs
 * (checking ids for repeats is the same work). It only ever says "valid" or "ask zod": anything
 * it is unsure of (a class instance, a key it does not expect, an odd number) goes to the
 * schema, which gives the verdict and the Chinese field errors. A property test holds it to
 * the schema: whatever it accepts, the schema accepts with equal data.
 */
import type { AllocationInput, PublishedAllocation } from "./schemas";
import { ALGORITHM } from "./vocabulary";

/** Valid input and the indices of its ids (file order). */
export type Checked<T> = { value: T; programIndex: Map<string, number>; applicantIndex: Map<string, number> };

const PUBLIC_ID = /^[A-Za-z0-9_.-]{1,64}$/;
const HEX_DIGEST = /^[0-9a-f]{64}$/;

type Plain = Record<string, unknown>;

/** A plain object (as JSON.parse makes) with exactly these own keys. */
function hasExactly(value: unknown, keys: readonly string[]): value is Plain {
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  let own = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
    own += 1;
  }
  if (own !== keys.length) return false;
  for (const key of keys) if (!Object.hasOwn(value, key)) return false;
  return true;
}

const isTier = (value: unknown) => value === "catchment" || value === "other";
const isId = (value: unknown): value is string => typeof value === "string" && PUBLIC_ID.test(value);
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const isPoints = (value: unknown) => typeof value === "number" && value >= 0 && value !== Infinity;
const isFraction = (value: unknown) => typeof value === "number" && value >= 0 && value < 1;
const isSeed = (value: unknown) => typeof value === "string" && value.length >= 1 && value.length <= 200 && value.trim() === value && !/[\r\n\t]/.test(value);

const PROGRAM_KEYS = ["id", "label", "seats"] as const;
const PUBLISHED_PROGRAM_KEYS = ["id", "label", "seats", "applicants", "offers", "cutoff"] as const;
const APPLICANT_KEYS = ["id", "choices", "points"] as const;
const PUBLISHED_APPLICANT_KEYS = ["id", "choices", "points", "lottery", "offer"] as const;
const CHOICE_KEYS = ["program", "tier"] as const;
const CUTOFF_KEYS = ["tier", "points", "lottery"] as const;

function checkPrograms(programs: unknown, keys: readonly string[], extra: (p: Plain) => boolean): Map<string, number> | null {
  if (!Array.isArray(programs)) return null;
  const index = new Map<string, number>();
  for (let p = 0; p < programs.length; p++) {
    const program: unknown = programs[p];
    if (!hasExactly(program, keys) || !isId(program.id)) return null;
    const { label } = program;
    if (typeof label !== "string" || label.length < 1 || label.length > 100 || !isCount(program.seats) || !extra(program)) return null;
    if (index.set(program.id, p).size !== p + 1) return null; // a repeated id
  }
  return index;
}

function checkApplicants(applicants: unknown, keys: readonly string[], programIndex: Map<string, number>, extra: (a: Plain) => boolean): Map<string, number> | null {
  if (!Array.isArray(applicants)) return null;
  const index = new Map<string, number>();
  const seen = new Int32Array(programIndex.size).fill(-1); // last applicant to rank each program
  for (let i = 0; i < applicants.length; i++) {
    const a: unknown = applicants[i];
    if (!hasExactly(a, keys) || !isId(a.id) || !isPoints(a.points) || !extra(a)) return null;
    const { choices } = a;
    if (!Array.isArray(choices)) return null;
    for (let k = 0; k < choices.length; k++) {
      const c: unknown = choices[k];
      if (!hasExactly(c, CHOICE_KEYS) || typeof c.program !== "string" || !isTier(c.tier)) return null;
      // A known program id has passed the id rule already; a repeat within the list is refused.
      const p = programIndex.get(c.program);
      if (p === undefined || seen[p] === i) return null;
      seen[p] = i;
    }
    if (index.set(a.id, i).size !== i + 1) return null; // a repeated id
  }
  return index;
}

/** `AllocationInput`'s rules, or null when the schema must decide. */
export function checkInput(value: unknown): Checked<AllocationInput> | null {
  if (!hasExactly(value, ["seed", "programs", "applicants"]) || !isSeed(value.seed)) return null;
  const programIndex = checkPrograms(value.programs, PROGRAM_KEYS, () => true);
  if (programIndex === null) return null;
  const applicantIndex = checkApplicants(value.applicants, APPLICANT_KEYS, programIndex, () => true);
  if (applicantIndex === null) return null;
  return { value: value as AllocationInput, programIndex, applicantIndex };
}

const isCutoff = (c: unknown) => c === null || (hasExactly(c, CUTOFF_KEYS) && isTier(c.tier) && isPoints(c.points) && isFraction(c.lottery));

/** `PublishedAllocation`'s rules, or null when the schema must decide. */
export function checkPublished(value: unknown): Checked<PublishedAllocation> | null {
  const top = ["format", "algorithm", "seed", "lotteryRule", "inputDigest", "programs", "applicants"];
  if (!hasExactly(value, top) || value.format !== "allocation-published/1" || !isSeed(value.seed) || typeof value.lotteryRule !== "string") return null;
  const { algorithm, inputDigest } = value;
  if (!hasExactly(algorithm, ["name", "version"]) || algorithm.name !== ALGORITHM.name) return null;
  if (typeof algorithm.version !== "string" || algorithm.version.length < 1 || typeof inputDigest !== "string" || !HEX_DIGEST.test(inputDigest)) return null;
  const programIndex = checkPrograms(value.programs, PUBLISHED_PROGRAM_KEYS, (p) => isCount(p.applicants) && isCount(p.offers) && isCutoff(p.cutoff));
  if (programIndex === null) return null;
  const applicantIndex = checkApplicants(value.applicants, PUBLISHED_APPLICANT_KEYS, programIndex, (a) => isFraction(a.lottery) && (a.offer === null || isId(a.offer)));
  if (applicantIndex === null) return null;
  return { value: value as PublishedAllocation, programIndex, applicantIndex };
}
