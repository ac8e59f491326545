/**
 * The district's resource verdict under the 2017 method (DOMAIN.md §2.2): it holds only when
 * every in-scope school section passes the 6-of-7 / 85% rule AND every indicator's CV is
 * within its ceiling, per level and then for the district (both levels). The verdict names
 * what holds the district back: the failing sections and the indicators over their ceiling.
 * A level with no section in scope has no verdict (null) and does not decide the district.
 */
import type { Section } from "../district/vocabulary";
import type { QualityIndicator } from "./indicators";

export type VerdictSection = { id: string; inScope: boolean; passes: boolean };
export type LevelVerdict = {
  holds: boolean;
  /** In-scope sections failing the 6-of-7 / 85% rule, in input order. */
  failing_sections: string[];
  /** Indicators whose CV is over its ceiling (or not computable). */
  failing_cvs: QualityIndicator[];
};

export function levelVerdict(sections: readonly VerdictSection[], cvPass: Readonly<Record<QualityIndicator, boolean>>): LevelVerdict {
  const failing_sections = sections.filter((s) => s.inScope && !s.passes).map((s) => s.id);
  const failing_cvs = (Object.keys(cvPass) as QualityIndicator[]).filter((id) => !cvPass[id]);
  return { holds: failing_sections.length === 0 && failing_cvs.length === 0, failing_sections, failing_cvs };
}

/** The district holds when every level with sections in scope holds; null when no level has any. */
export function districtVerdict(levels: Readonly<Record<Section, LevelVerdict | null>>): boolean | null {
  const decided = Object.values(levels).filter((v): v is LevelVerdict => v !== null);
  return decided.length === 0 ? null : decided.every((v) => v.holds);
}
