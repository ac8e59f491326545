/**
 * A scorecard's answer in one sentence, first on the page (issue 17 item 7): "7 项指标中 6 项
 * 达到国家标准，生均体育运动场馆面积为标准的 91.9%。" Built from the published section, so it
 * says no more than the cards below it; the page follows it with the verdict's mark. A share below the standard is cut (never rounded) to
 * one decimal, so it can never read 100% while the indicator fails.
 */
import { QUALITY_COUNT, QUALITY_INDICATORS, QUALITY_INFO } from "../domain/balance/indicators";
import { SCOPE_REASON_LABELS } from "../domain/balance/evaluate-section";
import type { SectionReport } from "../domain/balance/report";

/** A percentage of standard below 100, cut to one decimal: 99.96 → "99.9". */
export const shortfallPercent = (p: number) => (Math.floor(p * 10) / 10).toFixed(1);

export function scorecardSentence(s: Pick<SectionReport, "quality" | "standards_met" | "result" | "scope_reason">): string {
  if (s.result === "out_of_scope") {
    // The label goes on to say "不纳入…计算"; the sentence needs only what the section is.
    const what = s.scope_reason ? `本校是${SCOPE_REASON_LABELS[s.scope_reason].split("，")[0]}，` : "";
    return `${what}不参与优质均衡评估；下面的各项指标仅供参考。`;
  }
  const short = QUALITY_INDICATORS.filter((i) => !s.quality[i].met);
  const head = s.standards_met === QUALITY_COUNT ? `${QUALITY_COUNT}项指标全部达到国家标准` : `${QUALITY_COUNT}项指标中${s.standards_met}项达到国家标准`;
  const misses = short.map((i) => `${QUALITY_INFO[i].name}为标准的${shortfallPercent(s.quality[i].percent_of_standard)}%`);
  return `${head}${misses.length ? `，${misses.join("，")}` : ""}。`;
}
