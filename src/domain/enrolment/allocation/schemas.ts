/**
 * The contracts of the allocation (DESIGN.md convention 3): what goes in (programs with
 * seats, applicants with ranked choices, priority tier at each choice, documented points,
 * and the published seed), what comes out (offers, per-program counts and cut-offs,
 * waitlists, explanations), and the anonymised file published afterwards so anyone can
 * re-run it. Messages are Chinese because a supervisor's input or a citizen's downloaded
 * file may be rejected by them.
 */
import { z } from "../../zod";
import {
  ALGORITHM,
  ALLOCATION_REASONS,
  CHOICE_OUTCOMES,
  DECIDING_CRITERIA,
  OFFER_CHANGE_REASONS,
  PRIORITY_TIERS,
} from "./vocabulary";

/** Pseudonymous public id of an applicant or program: never a name or an ID number. No ":"
 *  so the lottery message `seed:id` splits unambiguously. */
export const PublicId = z
  .string({ error: "请填写编号" })
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: "编号只能包含字母、数字、“_”“.”“-”，不超过64个字符" });

/** The published seed (official: the hash of the witnesses' reveals; dry runs: TEST-…): any visible text, one line. */
export const Seed = z
  .string({ error: "请输入随机种子" })
  .min(1, { error: "请输入随机种子" })
  .max(200, { error: "随机种子不能超过200个字符" })
  .refine((s) => s.trim() === s && !/[\r\n\t]/.test(s), { error: "随机种子不能以空格开头或结尾，也不能换行" });

const Tier = z.enum(PRIORITY_TIERS, { error: "优先级只能是施教区内（catchment）或施教区外（other）" });

/** A program: one school section and grade with the seats reserved for this intake. */
export const AllocationProgram = z.strictObject({
  id: PublicId,
  /** Public name shown in explanations, e.g. "城关第一小学 一年级". */
  label: z.string({ error: "请填写学校和年级名称" }).min(1, { error: "请填写学校和年级名称" }).max(100),
  seats: z.number({ error: "学位数必须是数字" }).int({ error: "学位数必须是整数" }).min(0, { error: "学位数不能小于0" }),
});
export type AllocationProgram = z.infer<typeof AllocationProgram>;

/** One ranked choice and the applicant's priority tier at it. */
export const AllocationChoice = z.strictObject({ program: PublicId, tier: Tier });
export type AllocationChoice = z.infer<typeof AllocationChoice>;

const Points = z.number({ error: "积分必须是数字" }).min(0, { error: "积分不能小于0" });

export const AllocationApplicant = z.strictObject({
  id: PublicId,
  /** Ranked choices, best first; any length (the form allows up to 3). */
  choices: z.array(AllocationChoice),
  /** Documented points (higher first), the same at every school. */
  points: Points,
});
export type AllocationApplicant = z.infer<typeof AllocationApplicant>;

function checkMarket(
  m: { programs: { id: string }[]; applicants: { id: string; choices: { program: string }[] }[] },
  ctx: z.RefinementCtx,
): void {
  const programs = new Set<string>();
  m.programs.forEach((p, i) => {
    if (programs.has(p.id)) ctx.addIssue({ code: "custom", path: ["programs", i, "id"], message: `学位项目编号${p.id}重复` });
    programs.add(p.id);
  });
  const applicants = new Set<string>();
  m.applicants.forEach((a, i) => {
    if (applicants.has(a.id)) ctx.addIssue({ code: "custom", path: ["applicants", i, "id"], message: `申请编号${a.id}重复` });
    applicants.add(a.id);
    const seen = new Set<string>();
    a.choices.forEach((c, k) => {
      if (!programs.has(c.program))
        ctx.addIssue({ code: "custom", path: ["applicants", i, "choices", k, "program"], message: `志愿中的学位项目${c.program}不存在` });
      if (seen.has(c.program))
        ctx.addIssue({ code: "custom", path: ["applicants", i, "choices", k, "program"], message: `同一学位项目${c.program}不能重复填报` });
      seen.add(c.program);
    });
  });
}

/** What the allocation needs; the lottery numbers are derived from `seed`. */
export const AllocationInput = z
  .strictObject({ seed: Seed, programs: z.array(AllocationProgram), applicants: z.array(AllocationApplicant) })
  .superRefine(checkMarket);
export type AllocationInput = z.infer<typeof AllocationInput>;

/** The priority of the last admitted applicant at a program: below it, not admitted. */
export const Cutoff = z.strictObject({ tier: Tier, points: Points, lottery: z.number().min(0).lt(1) });
export type Cutoff = z.infer<typeof Cutoff>;

export const Algorithm = z.strictObject({ name: z.literal(ALGORITHM.name), version: z.string().min(1) });

const Count = z.number().int().min(0);

export const ProgramResult = z.strictObject({
  id: PublicId,
  label: z.string(),
  seats: Count,
  /** Applicants who ranked the program at all, and those of them in its 施教区. */
  applicants: Count,
  catchmentApplicants: Count,
  firstChoiceApplicants: Count,
  offers: Count,
  /** null when nobody was admitted (no seats or no applicants). */
  cutoff: Cutoff.nullable(),
  /** Applicant ids waiting for this program (ranked it above their offer), priority order. */
  waitlist: z.array(PublicId),
});
export type ProgramResult = z.infer<typeof ProgramResult>;

export const ChoiceResult = z.strictObject({
  program: PublicId,
  rank: z.number().int().min(1),
  tier: Tier,
  outcome: z.enum(CHOICE_OUTCOMES),
  /** For "waitlisted": what kept the applicant out. */
  deciding: z.enum(DECIDING_CRITERIA).nullable(),
  /** For "waitlisted": 1-based position on the program's waitlist. */
  waitlistPosition: z.number().int().min(1).nullable(),
});
export type ChoiceResult = z.infer<typeof ChoiceResult>;

export const ApplicantResult = z.strictObject({
  id: PublicId,
  lottery: z.number().min(0).lt(1),
  points: Points,
  /** The program offered, or null. */
  offer: PublicId.nullable(),
  /** 1-based rank of the offer in the applicant's list, or null. */
  offerRank: z.number().int().min(1).nullable(),
  reason: z.enum(ALLOCATION_REASONS),
  choices: z.array(ChoiceResult),
  /** Plain Simplified Chinese, built from the figures above. */
  explanation: z.string(),
});
export type ApplicantResult = z.infer<typeof ApplicantResult>;

export const AllocationResult = z.strictObject({
  algorithm: Algorithm,
  seed: Seed,
  lotteryRule: z.string(),
  /** SHA-256 of the inputs (input-digest.ts), to publish before the seed is drawn. */
  inputDigest: z.string().regex(/^[0-9a-f]{64}$/),
  programs: z.array(ProgramResult),
  applicants: z.array(ApplicantResult),
});
export type AllocationResult = z.infer<typeof AllocationResult>;

/** The public, anonymised file: enough to re-run the allocation and compare every offer. */
export const PublishedAllocation = z
  .strictObject({
    format: z.literal("allocation-published/1", { error: "不是本平台发布的分配结果文件（format应为allocation-published/1）" }),
    algorithm: Algorithm,
    seed: Seed,
    lotteryRule: z.string(),
    inputDigest: z.string().regex(/^[0-9a-f]{64}$/, { error: "inputDigest应为64位十六进制SHA-256" }),
    programs: z.array(
      AllocationProgram.extend({ applicants: Count, offers: Count, cutoff: Cutoff.nullable() }),
    ),
    applicants: z.array(
      AllocationApplicant.extend({ lottery: z.number().min(0).lt(1), offer: PublicId.nullable() }),
    ),
  })
  .superRefine(checkMarket);
export type PublishedAllocation = z.infer<typeof PublishedAllocation>;

/** Offers after publication, as waitlists move: applicant id → program id (or null), and the
 *  applicants who left (declined their offer and every waitlist). */
export const OfferState = z.strictObject({
  offers: z.record(z.string(), PublicId.nullable()),
  withdrawn: z.array(PublicId),
});
export type OfferState = z.infer<typeof OfferState>;

/** A family declines its offer (or withdraws while unplaced): it leaves the allocation. */
export const WaitlistEvent = z.strictObject({ type: z.literal("decline"), applicant: PublicId });
export type WaitlistEvent = z.infer<typeof WaitlistEvent>;

export const OfferChange = z.strictObject({
  applicant: PublicId,
  from: PublicId.nullable(),
  to: PublicId.nullable(),
  reason: z.enum(OFFER_CHANGE_REASONS),
  /** Chinese text for the notification. */
  message: z.string(),
});
export type OfferChange = z.infer<typeof OfferChange>;
