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
import { buildMarket, type Market, type MarketApplicant } from "./market";
import { buildResult } from "./outcome";
import { AllocationInput, type AllocationResult } from "./schemas";

/** Parses with a schema, turning zod issues into the project's validation error. */
export function parseOrThrow<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
  throw new DomainError("validation", fields[0]?.message ?? "分配数据有误，请检查后重试。", { fields });
}

export function allocate(input: AllocationInput): AllocationResult {
  const valid = parseOrThrow(AllocationInput, input);
  const { market, assigned, digest } = matchValidated(valid);
  return buildResult(market, assigned, valid.seed, digest);
}

/**
 * The matching alone, on input that has already passed `AllocationInput` (or a schema that
 * implies it): lottery numbers, market, deferred acceptance and the input digest, without
 * the explanations and waitlists. The published file's re-run needs only this.
 */
export function matchValidated({ seed, programs, applicants }: AllocationInput): { market: Market; assigned: Int32Array; digest: string } {
  const draw = lotteryDrawer(seed);
  const withLottery: MarketApplicant[] = applicants.map(({ id, choices, points }) => ({ id, choices, points, lottery: draw(id) }));
  const market = buildMarket(programs, withLottery);
  return { market, assigned: deferredAcceptance(market), digest: inputDigest({ programs, applicants }) };
}
