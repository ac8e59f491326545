/**
 * What both verifiers run (`npm run allocation:verify`, /enrol/results/verify/): the
 * allocation module's `rerunResultsFile` re-runs every published allocation, then, for each
 * grade and round whose file records its 统筹安排, `rerunPlacement` re-runs the placement from
 * the lottery numbers and offers the allocation re-run just computed. Placement differences
 * follow the allocation's in the same report, so "the first difference" is the allocation's
 * when there is one, else the placement's. Kept outside allocation/ because that module knows
 * nothing of placement (it runs alone in the browser and workerd).
 */
import { parseOrThrow } from "../allocation/allocate";
import { rerunResultsFile, type PublishedAllocation, type RerunReport } from "../allocation";
import { PlacementRecord, rerunPlacement } from "./placement-record";

const MAX_LINES = 50;

/** `placements`: how many children the re-run placed by 统筹安排 (null when the file records none). */
export type VerifyPart = RerunReport & { grade: string | null; round: number | null; placements: number | null };
export type VerifyReport = { matches: boolean; parts: VerifyPart[] };

/** Throws a validation DomainError (Chinese field errors) when the file is not a results file. */
export function verifyResultsFile(file: unknown): VerifyReport {
  const { parts } = rerunResultsFile(file);
  const grades = (file as { grades?: { allocation: unknown; placement?: unknown }[] }).grades;
  const checked = parts.map((part, i) => withPlacement(part, grades?.[i]?.allocation, grades?.[i]?.placement));
  return { matches: checked.every((p) => p.matches), parts: checked };
}

function withPlacement(part: RerunReport & { grade: string | null; round: number | null }, allocation: unknown, placement: unknown): VerifyPart {
  if (placement === undefined || placement === null) return { ...part, placements: null };
  const record = parseOrThrow(PlacementRecord, placement);
  // rerunResultsFile has validated the allocation.
  const extra = rerunPlacement({ record, programs: (allocation as PublishedAllocation).programs, recomputed: part.recomputed });
  return {
    ...part,
    matches: part.matches && extra.length === 0,
    differences: [...part.differences, ...extra].slice(0, MAX_LINES),
    differenceCount: part.differenceCount + extra.length,
    placements: part.recomputed.filter((a) => a.offer === null).length,
  };
}
