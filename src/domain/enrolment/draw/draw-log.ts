/**
 * The public draw log's words and shape: the rules published with every frozen applicant set
 * (priorities, seed, placement) and one entry per run, dry or official, with its seed and
 * outcome digest, so that a dry run can never be quietly chosen and published, and a re-draw
 * stands beside the draw it replaced with its recorded reason.
 */
import { ROUND_LABELS, type Round } from "./round";

export const DRAW_RULES_ZH =
  "学生提议的延迟接受算法：每个学校按优先顺序录取，先施教区内申请人，其次按公布的积分（高者优先），最后按随机号（小者优先）。每位家庭可填报多个志愿，如实填报对家庭最有利。";

export const SEED_RULE_ZH =
  "随机种子 = SHA-256（按见证人登记承诺的先后顺序，用换行符连接各见证人揭示的随机串，UTF-8编码）的64位十六进制结果。可自行核对：printf '%s\\n%s\\n%s' 随机串1随机串2随机串3 | sha256sum。每个承诺值 = SHA-256（该见证人的随机串）。";

export const RUN_KIND_LABELS = { dry_run: "试运行（测试种子，不能发布）", official: "正式抽签", published: "正式抽签（已发出学位通知）", superseded: "正式抽签（已被重新抽签取代）" } as const;

export type DrawLogRun = {
  runId: string;
  grade: string;
  round: Round;
  kind: keyof typeof RUN_KIND_LABELS;
  kindLabel: string;
  seed: string;
  inputDigest: string;
  outcomeDigest: string | null;
  at: string;
};

export function roundLabel(round: number): string {
  return ROUND_LABELS[round as Round] ?? `第${round}轮`;
}

/** The verifiers' words for a re-run 统筹安排 (results-file.ts): nothing when the file records none. */
export function placementScope(placements: number | null): string {
  return placements === null ? "" : `、${placements}名统筹安排的孩子`;
}
