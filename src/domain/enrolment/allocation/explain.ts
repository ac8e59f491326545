/**
 * The explanation each family reads, in plain Simplified Chinese, built only from the
 * figures of its own result (seats, how many ranked the school, the cut-off, its own
 * priority and lottery number), so that every sentence can be checked against the
 * published numbers. No personal data: the applicant is "您".
 */
import type { ChoiceOutcome, DecidingCriterion, PriorityTier } from "./vocabulary";
import { PRIORITY_TIER_LABELS } from "./vocabulary";

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

const NAMES = ORDINALS.map((o) => `第${o}志愿`);

/** 第一志愿, 第二志愿, … 第11志愿. */
export function choiceName(rank: number): string {
  return NAMES[rank - 1] ?? `第${rank}志愿`;
}

/** Lottery numbers are shown to 6 decimals in prose; the exact value is in the data. */
export function formatLottery(lottery: number): string {
  return lottery.toFixed(6);
}

/** What an explanation says about one program, the same for everyone who ranked it. */
export type ProgramFigures = {
  label: string;
  seats: number;
  applicants: number;
  catchmentApplicants: number;
  cutoff: { tier: PriorityTier; points: number; lottery: number } | null;
};

/**
 * The sentences' program parts, written once per program per run instead of once per
 * applicant who ranked it (the figures and the cut-off are the program's, not the family's).
 */
export type ProgramText = { named: string; offered: string; noSeats: string; tier: string; points: string; lottery: string };

export function programText(p: ProgramFigures): ProgramText {
  const named = `「${p.label}」`;
  const head = `${named}：共${p.seats}个学位，${p.applicants}人填报（其中施教区内${p.catchmentApplicants}人）`;
  const cut = p.cutoff;
  const cutTier = cut === null ? "" : PRIORITY_TIER_LABELS[cut.tier];
  return {
    named,
    offered: `${head}，您已被录取。`,
    noSeats: `${named}：本次没有可分配的学位，未能录取`,
    tier: `${head}。施教区内申请人优先，学位已由${cutTier}申请人录满，您属于`,
    points: cut === null ? "" : `${head}。录取线为${cutTier}、积分${cut.points}分；您同属`,
    lottery: cut === null ? "" : `${head}。录取线为${cutTier}、积分${cut.points}分、随机号${formatLottery(cut.lottery)}；您同属`,
  };
}

/** One ranked choice as the explanation reads it. */
export type ExplainedChoice = {
  rank: number;
  tier: PriorityTier;
  outcome: ChoiceOutcome;
  deciding: DecidingCriterion | null;
  waitlistPosition: number | null;
};

function waitNote(position: number | null): string {
  return position === null ? "" : `；您在该志愿候补名单第${position}位，有学位空出时按顺序递补`;
}

function explainChoice(c: ExplainedChoice, text: ProgramText, points: number, lottery: string): string {
  const name = choiceName(c.rank);
  if (c.outcome === "offered") return name + text.offered;
  const wait = waitNote(c.waitlistPosition);
  if (c.deciding === "no_seats" || text.points === "") return `${name}${text.noSeats}${wait}。`;
  const mine = PRIORITY_TIER_LABELS[c.tier];
  if (c.deciding === "tier") return `${name}${text.tier}${mine}，未能录取${wait}。`;
  if (c.deciding === "points") return `${name}${text.points}${mine}，积分${points}分，低于录取线，未能录取${wait}。`;
  return `${name}${text.lottery}${mine}、积分同为${points}分，按随机号排序（小者优先），您的随机号${lottery}在录取线之后，未能录取${wait}。`;
}

/** `textOf(j)` is the text of the program of `choices[j]`. The sentences are joined with `+`,
 *  so the engine keeps each explanation as pieces until someone reads it. */
export function explainApplicant(a: { points: number; lottery: number; choices: ExplainedChoice[] }, textOf: (j: number) => ProgramText): string {
  if (a.choices.length === 0) return "您没有填报志愿，未参与分配。";
  const lottery = formatLottery(a.lottery);
  let explanation = "";
  let skipped = "";
  let offered = false;
  for (let j = 0; j < a.choices.length; j++) {
    const c = a.choices[j]!;
    if (c.outcome === "offered") offered = true;
    if (c.outcome === "not_needed") skipped += (skipped === "" ? "" : "、") + choiceName(c.rank) + textOf(j).named;
    else explanation += explainChoice(c, textOf(j), a.points, lottery);
  }
  if (skipped !== "") explanation += `您已被更靠前的志愿录取，${skipped}不再参与分配。`;
  if (!offered) explanation += "您填报的志愿均已录满，暂未获得学位；有学位空出时将按候补名单顺序递补并通知您。";
  return `${explanation}您的积分为${a.points}分，随机号为${lottery}（由公布的随机种子计算，可按公布的规则自行核对）。`;
}

export function explainMove(change: { reason: "declined" | "moved_up"; from: string | null; to: string | null }): string {
  if (change.reason === "declined") return change.from === null ? "您已退出所有候补名单。" : `您已放弃「${change.from}」的学位，并退出所有候补名单。`;
  return change.from === null
    ? `「${change.to}」有学位空出，按候补名单顺序，您已被录取。`
    : `「${change.to}」有学位空出，按候补名单顺序，您已被录取；原录取的「${change.from}」学位已自动释放给其他候补家庭。`;
}
