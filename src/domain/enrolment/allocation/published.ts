/**
 * The public file and its check. `toPublished(result)` keeps only what a re-run needs and
 * nothing personal: pseudonymous ids, ranked programs with the priority tier at each,
 * points, lottery numbers and offers, plus seats, counts and cut-offs per program, the
 * algorithm, the seed and the input digest. `rerunFromPublished(file)` re-derives every
 * lottery number from the seed and the digest from the inputs, re-runs the allocation on
 * the published inputs and lists every difference in Chinese, so a citizen (or
 * `npm run allocation:verify`) can confirm the published offers.
 */
import { matchValidated, validated } from "./allocate";
import { checkPublished } from "./input-check";
import { cutoffOf, offersAndCutoffs } from "./outcome";
import { formatLottery } from "./explain";
import { PublishedAllocation, type AllocationResult, type Cutoff } from "./schemas";
import { ALGORITHM } from "./vocabulary";

export const PUBLISHED_FORMAT = "allocation-published/1" as const;

export function toPublished(result: AllocationResult): PublishedAllocation {
  return {
    format: PUBLISHED_FORMAT,
    algorithm: result.algorithm,
    seed: result.seed,
    lotteryRule: result.lotteryRule,
    inputDigest: result.inputDigest,
    programs: result.programs.map((p) => ({ id: p.id, label: p.label, seats: p.seats, applicants: p.applicants, offers: p.offers, cutoff: p.cutoff })),
    applicants: result.applicants.map((a) => ({
      id: a.id,
      choices: a.choices.map((c) => ({ program: c.program, tier: c.tier })),
      points: a.points,
      lottery: a.lottery,
      offer: a.offer,
    })),
  };
}

export type RerunReport = {
  /** True when every lottery number, offer, count and cut-off equals the published one. */
  matches: boolean;
  applicants: number;
  programs: number;
  /** Chinese lines, the first 50 differences. */
  differences: string[];
  /** How many differences in all. */
  differenceCount: number;
  /** What the re-run computed per applicant (file order), for checks built on it (统筹安排). */
  recomputed: { id: string; lottery: number; offer: string | null }[];
};

const MAX_LINES = 50;

function sameCutoff(a: Cutoff | null, b: Cutoff | null): boolean {
  return a === null || b === null ? a === b : a.tier === b.tier && a.points === b.points && a.lottery === b.lottery;
}

function cutoffText(c: Cutoff | null): string {
  return c === null ? "无" : `${c.tier}/${c.points}/${formatLottery(c.lottery)}`;
}

/** Throws a validation DomainError (Chinese field errors) when the file is not a published result. */
export function rerunFromPublished(file: unknown): RerunReport {
  const checked = validated(checkPublished, PublishedAllocation, file);
  const published = checked.value;
  const differences: string[] = [];
  let count = 0;
  const differ = (line: string) => {
    count += 1;
    if (differences.length < MAX_LINES) differences.push(line);
  };
  if (published.algorithm.version !== ALGORITHM.version)
    differ(`文件使用算法版本${published.algorithm.version}，本程序为${ALGORITHM.version}，结果可能不同`);
  // The file passed PublishedAllocation, which implies AllocationInput: match without
  // validating twice, and without the explanations and waitlists a comparison never reads.
  const { market, assigned, digest } = matchValidated(checked);
  if (digest !== published.inputDigest) differ(`公布的输入摘要${published.inputDigest}与按文件内容计算的${digest}不同`);
  const { programs } = market;
  const recomputed: RerunReport["recomputed"] = [];
  published.applicants.forEach((a, i) => {
    const lottery = market.lottery[i]!;
    const offer = assigned[i] === -1 ? null : programs[market.choiceProgram[assigned[i]!]!]!.id;
    recomputed.push({ id: a.id, lottery, offer });
    if (lottery !== a.lottery) differ(`申请${a.id}：公布的随机号${a.lottery}与按种子计算的${lottery}不同`);
    if (offer !== a.offer) differ(`申请${a.id}：公布的录取${a.offer ?? "无"}，重新计算为${offer ?? "无"}`);
  });
  const { offers, cutoffChoice } = offersAndCutoffs(market, assigned);
  published.programs.forEach((p, i) => {
    const applicants = market.orderStart[i + 1]! - market.orderStart[i]!;
    const cutoff = cutoffOf(market, cutoffChoice[i]!);
    if (applicants !== p.applicants) differ(`学位项目${p.id}：公布的填报人数${p.applicants}，重新计算为${applicants}`);
    if (offers[i] !== p.offers) differ(`学位项目${p.id}：公布的录取人数${p.offers}，重新计算为${offers[i]}`);
    if (!sameCutoff(cutoff, p.cutoff)) differ(`学位项目${p.id}：公布的录取线${cutoffText(p.cutoff)}，重新计算为${cutoffText(cutoff)}`);
  });
  return { matches: count === 0, applicants: published.applicants.length, programs: published.programs.length, differences, differenceCount: count, recomputed };
}
