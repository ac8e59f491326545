/**
 * `allocate(input)`: the whole allocation run. Validates the input (Chinese field errors as a
 * DomainError), derives each applicant's lottery number from the published seed, builds the
 * market, runs student-proposing deferred acceptance and returns offers, per-program
 * figures, waitlists and explanations. Pure and deterministic: same input and seed, same
 * result, on every runtime.
 */
import { DomainError } from "../../errors";
import { deferredAcceptance } from "./deferred-acceptance";
import { inputDigest } from "./input-digest";
import { lotteryDrawer } from "./lottery";
import { checkInput, type Checked } from "./input-check";
import { buildMarket, type Market } from "./market";
import { buildResult } from "./outcome";
import { AllocationInput, type AllocationResult } from "./schemas";

/** Parses with a schema, turning zod issues into the project's validation error. */
export function parseOrThrow<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
  throw new DomainError("validation", fields[0]?.message ?? "分配数据有误，请检查后重试。", { fields });
}

/** Valid input with its id maps: the hand-written check when it is sure, else the schema
 *  (which throws the Chinese field errors, or accepts what the check was unsure of). */
export function validated<T extends { programs: { id: string }[]; applicants: { id: string }[] }>(
  check: (value: unknown) => Checked<T> | null,
  schema: Parameters<typeof parseOrThrow<T>>[0],
  value: unknown,
): Checked<T> {
  const checked = check(value);
  if (checked !== null) return checked;
  const parsed = parseOrThrow(schema, value);
  return {
    value: parsed,
    programIndex: new Map(parsed.programs.map((p, i) => [p.id, i])),
    applicantIndex: new Map(parsed.applicants.map((a, i) => [a.id, i])),
  };
}

export function allocate(input: AllocationInput): AllocationResult {
  const checked = validated(checkInput, AllocationInput, input);
  const { market, assigned, digest } = matchValidated(checked);
  return buildResult(market, assigned, checked.value.seed, digest);
}

/**
 * The matching alone, on input that has already passed `AllocationInput` (or a schema that
 * implies it): lottery numbers, market, deferred acceptance and the input digest, without
 * the explanations and waitlists. The published file's re-run needs only this, so the run
 * and the re-run share every step up to the result.
 */
export function matchValidated({ value: { seed, programs, applicants }, programIndex, applicantIndex }: Checked<AllocationInput>): { market: Market; assigned: Int32Array; digest: string } {
  const draw = lotteryDrawer(seed);
  const lottery = new Float64Array(applicants.length);
  for (let i = 0; i < applicants.length; i++) lottery[i] = draw(applicants[i]!.id);
  const market = buildMarket(programs, applicants, lottery, { programIndex, applicantIndex });
  return { market, assigned: deferredAcceptance(market), digest: inputDigest({ programs, applicants }, { programIndex, applicantIndex }) };
}
