/**
 * The district's 2017 resource verdict in words (DOMAIN.md §2.2: "say first, in one
 * sentence, whether it holds and what holds it back"). Built from the published report, so
 * the sentence can never say more or less than the figures below it: one clause per level
 * with the number of in-scope sections failing the 6-of-7 / 85% rule and the indicators
 * whose CV is over its ceiling.
 */
import type { LevelReport, YearReport } from "../domain/balance/report";
import { SECTIONS, SECTION_LABELS, type Section } from "../domain/district/vocabulary";
import { schoolYear } from "./balance-format";

function levelClause(level: Section, L: LevelReport): string {
  const v = L.verdict;
  const n = L.sections_in_scope.length;
  const schools = v.failing_sections.length === 0 ? `参与评估的${n}所都达到标准` : `参与评估的${n}所中有${v.failing_sections.length}所未达到标准`;
  const cvs = v.failing_cvs.length === 0 ? "各项差异系数都在上限以内" : `${v.failing_cvs.join("、")}的差异系数超过上限`;
  return `${SECTION_LABELS[level]}${schools}，${cvs}`;
}

/** "2025—2026学年全区资源配置未达到优质均衡要求：小学…；初中…。" */
export function verdictSentence(report: YearReport): string {
  const clauses = SECTIONS.flatMap((l) => (report.levels[l] ? [levelClause(l, report.levels[l]!)] : []));
  if (report.resource_verdict === null) return `${schoolYear(report.year)}没有参与评估的学校，无法得出全区结论。`;
  const head = report.resource_verdict ? "达到" : "未达到";
  return `${schoolYear(report.year)}全区资源配置${head}优质均衡要求：${clauses.join("；")}。`;
}
