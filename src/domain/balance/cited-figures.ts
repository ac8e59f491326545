/**
 * Figures a commitment's progress note cites from the computed balance results (issue 17:
 * "no hand-typed number that can disagree"). A note writes `{{target:multimedia:2025}}` and
 * the page shows the published value of that target for that school year ("91.1%"); the
 * check refuses a citation that names no target or year with a value, and a hand-typed
 * percentage in a note whose commitment belongs to a clause with a computed target (or whose
 * evidence is a balance page), which would go stale the day the data changes.
 */
import type { TargetId, TargetResult } from "./targets";
import { TARGET_IDS } from "./targets";

export const CITATION = /\{\{target:([a-z_]+):(\d{4})\}\}/g;
const HAND_TYPED_PERCENT = /\d+(?:\.\d+)?\s*%/;
/** Evidence on these pages is the computed data: a percentage citing it must be a citation. */
const COMPUTED_EVIDENCE = /^\/(balance|schools|data)\//;

export type PublishedTargets = { year: number; targets: Pick<TargetResult, "id" | "kind" | "value" | "basis" | "info">[] };

function lookup(years: readonly PublishedTargets[], id: string, year: number): { value: string } | { problem: string } {
  if (!(TARGET_IDS as readonly string[]).includes(id)) return { problem: `没有名为${id}的计算指标（可用：${TARGET_IDS.join("、")}）` };
  const y = years.find((x) => x.year === year);
  if (!y) return { problem: `没有${year}年的均衡数据（content/schools/${year}.csv）` };
  const t = y.targets.find((x) => x.id === (id as TargetId))!;
  if (t.value === null) return { problem: `${year}年的${id}没有计算结果` };
  return { value: t.kind === "share" ? `${t.value}%` : String(t.value) };
}

/** The note with each citation replaced by its published value; throws on one that does not resolve (the check runs first). */
export function fillCitations(note: string, years: readonly PublishedTargets[]): string {
  return note.replace(CITATION, (_all, id: string, year: string) => {
    const found = lookup(years, id, Number(year));
    if ("problem" in found) throw new Error(found.problem);
    return found.value;
  });
}

/** Problems with one note: citations that do not resolve, and hand-typed percentages where a citation is required. */
export function citationProblems(
  entry: { note: string; evidence?: string },
  clause: string,
  years: readonly PublishedTargets[],
): string[] {
  const problems: string[] = [];
  for (const m of entry.note.matchAll(CITATION)) {
    const found = lookup(years, m[1]!, Number(m[2]));
    if ("problem" in found) problems.push(`${m[0]}：${found.problem}`);
  }
  const computedClause = years.some((y) => y.targets.some((t) => t.kind === "share" && !t.info && clauseOf(t) === clause));
  const citesData = entry.evidence !== undefined && COMPUTED_EVIDENCE.test(entry.evidence);
  if ((computedClause || citesData) && HAND_TYPED_PERCENT.test(entry.note.replace(CITATION, ""))) {
    const ids = years.at(-1)?.targets.filter((t) => t.kind === "share" && !t.info && clauseOf(t) === clause).map((t) => t.id) ?? [];
    const example = `{{target:${ids[0] ?? TARGET_IDS[0]}:${years.at(-1)?.year ?? 2025}}}`;
    problems.push(`手工填写的百分比可能与计算结果不一致，请改用${example}引用计算结果`);
  }
  return problems;
}

/** The policy clause a target answers to ("2.3" from its basis "2.3" or "3.2；教督〔2017〕6号"), or null. */
const clauseOf = (t: Pick<TargetResult, "basis">) => /^\d+\.\d+/.exec(t.basis)?.[0] ?? null;
