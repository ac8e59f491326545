/**
 * The one published results file: exactly what /api/enrol/results serves and /enrol/results/
 * links to, and exactly what `npm run allocation:verify -- <file>` and /enrol/results/verify/
 * accept. It wraps one re-runnable allocation file (published.ts) per published round of each
 * grade:
 *
 *   { format: "allocation-results/1", intake: { id, title },
 *     grades: [{ grade, round, publishedAt, allocation: <allocation-published/1>,
 *                placement?: <placement/1> }…] }
 *
 * `placement` (统筹安排, outside the matching) is checked by draw/verify-results.ts, which the
 * verifiers call; this module only lets it through.
 * `rerunResultsFile` re-runs every allocation in it and reports, per grade and round, whether
 * it matches, with the first differences in Chinese. A bare allocation file is accepted too
 * (older copies, or one extracted by hand).
 */
import { z } from "../../zod";
import { parseOrThrow } from "./allocate";
import { rerunFromPublished, type RerunReport } from "./published";

export const RESULTS_FORMAT = "allocation-results/1" as const;

export const ResultsFile = z.strictObject({
  format: z.literal(RESULTS_FORMAT, { error: "不是本平台发布的分配结果文件（format应为allocation-results/1）" }),
  intake: z.strictObject({ id: z.string(), title: z.string() }),
  grades: z.array(z.strictObject({ grade: z.string(), round: z.number().int().min(1), publishedAt: z.string().nullable(), allocation: z.unknown(), placement: z.unknown().optional() })),
});
export type ResultsFile = z.infer<typeof ResultsFile>;

export type ResultsReport = { matches: boolean; parts: (RerunReport & { grade: string | null; round: number | null })[] };

/** Re-runs a results file (or a bare allocation file). Throws a validation DomainError when it is neither. */
export function rerunResultsFile(file: unknown): ResultsReport {
  const isBare = typeof file === "object" && file !== null && (file as { format?: unknown }).format === "allocation-published/1";
  if (isBare) {
    const report = rerunFromPublished(file);
    return { matches: report.matches, parts: [{ ...report, grade: null, round: null }] };
  }
  const results = parseOrThrow(ResultsFile, file);
  const parts = results.grades.map((g) => ({ ...rerunFromPublished(g.allocation), grade: g.grade, round: g.round }));
  return { matches: parts.every((p) => p.matches), parts };
}
