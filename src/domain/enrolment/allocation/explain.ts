/**
 * The explanation each family reads, in plain Simplified Chinese, built only from the
 * figures of its own result (seats, how many ranked the school, the cut-off, its own
 * priority and lottery number), so that every sentence can be checked against the
 * published numbers. No personal data: the applicant is "您".
 */
import type { ChoiceOutcome, DecidingCriterion, PriorityTier } from "./vocabulary";
import { PRIORITY_TIER_LABELS } from "./vocabulary";

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 第一志愿, 第二志愿, … 第11志愿. */
export function choiceName(rank: number): string {
  return `第${ORDINALS[rank - 1] ?? String(rank)}志愿`;
}

/** Lottery numbers are shown to 6 decimals in prose; the exact value is in the data. */
export function formatLottery(lottery: number): string {
  return lottery.toFixed(6);
}

export type ExplainedChoice = {
  rank: number;
  label: string;
  seats: number;
  applicants: number;
  catchmentApplicants: number;
  tier: PriorityTier;
  outcome: ChoiceOutcome;
  deciding: DecidingCriterion | null;
  waitlistPosition: number | null;
  cutoff: { tier: PriorityTier; points: number; lottery: number } | null;
};

function waitNote(position: number | null): string {
  return position === null ? "" : `；您在该志愿候补名单第${position}位，有学位空出时按顺序递补`;
}

function explainChoice(c: ExplainedChoice, points: number, lottery: number): string {
  const head = `${choiceName(c.rank)}「${c.label}」`;
  const figures = `共${c.seats}个学位，${c.applicants}人填报（其中施教区内${c.catchmentApplicants}人）`;
  if (c.outcome === "offered") return `${head}：${figures}，您已被录取。`;
  const cut = c.cutoff;
  if (c.deciding === "no_seats" || cut === null) return `${head}：本次没有可分配的学位，未能录取${waitNote(c.waitlistPosition)}。`;
  const cutTier = PRIORITY_TIER_LABELS[cut.tier];
  const mine = PRIORITY_TIER_LABELS[c.tier];
  if (c.deciding === "tier")
    return `${head}：${figures}。施教区内申请人优先，学位已由${cutTier}申请人录满，您属于${mine}，未能录取${waitNote(c.waitlistPosition)}。`;
  if (c.deciding === "points")
    return `${head}：${figures}。录取线为${cutTier}、积分${cut.points}分；您同属${mine}，积分${points}分，低于录取线，未能录取${waitNote(c.waitlistPosition)}。`;
  return (
    `${head}：${figures}。录取线为${cutTier}、积分${cut.points}分、随机号${formatLottery(cut.lottery)}；` +
    `您同属${mine}、积分同为${points}分，按随机号排序（小者优先），您的随机号${formatLottery(lottery)}在录取线之后，未能录取${waitNote(c.waitlistPosition)}。`
  );
}

export function explainApplicant(a: { points: number; lottery: number; choices: ExplainedChoice[] }): string {
  if (a.choices.length === 0) return "您没有填报志愿，未参与分配。";
  const parts: string[] = [];
  const skipped: string[] = [];
  for (const c of a.choices) {
    if (c.outcome === "not_needed") skipped.push(`${choiceName(c.rank)}「${c.label}」`);
    else parts.push(explainChoice(c, a.points, a.lottery));
  }
  if (skipped.length > 0) parts.push(`您已被更靠前的志愿录取，${skipped.join("、")}不再参与分配。`);
  if (!a.choices.some((c) => c.outcome === "offered")) parts.push("您填报的志愿均已录满，暂未获得学位；有学位空出时将按候补名单顺序递补并通知您。");
  parts.push(`您的积分为${a.points}分，随机号为${formatLottery(a.lottery)}（由公布的随机种子计算，可按公布的规则自行核对）。`);
  return parts.join("");
}

export function explainMove(change: { reason: "declined" | "moved_up"; from: string | null; to: string | null }): string {
  if (change.reason === "declined") return change.from === null ? "您已退出所有候补名单。" : `您已放弃「${change.from}」的学位，并退出所有候补名单。`;
  return change.from === null
    ? `「${change.to}」有学位空出，按候补名单顺序，您已被录取。`
    : `「${change.to}」有学位空出，按候补名单顺序，您已被录取；原录取的「${change.from}」学位已自动释放给其他候补家庭。`;
}
