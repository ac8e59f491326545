/**
 * `npm run allocation:verify -- <file.json>`: re-runs the published results file (exactly the
 * JSON /enrol/results/ links to, /api/enrol/results, saved to disk; a bare allocation file
 * also works) and prints, per grade and round, whether every lottery number, offer, count,
 * cut-off and 统筹安排 placement matches. Reads a local file only (no network), so a
 * citizen can check a copy they downloaded themselves. Split from the script so a test can
 * run it. Exit codes: 0 match, 1 mismatch, 2 unreadable or not a published result.
 */
import { readFile } from "node:fs/promises";
import { DomainError } from "../../src/domain/errors";
import { verifyResultsFile } from "../../src/domain/enrolment/draw/verify-results";
import { placementScope, roundLabel } from "../../src/domain/enrolment/draw/draw-log";

export const USAGE = "Usage: npm run allocation:verify -- <published-results.json>";

export async function runVerifyAllocation(argv: string[]): Promise<{ code: number; lines: string[] }> {
  const path = argv.find((a) => a !== "--");
  if (path === undefined) return { code: 2, lines: [USAGE] };
  let file: unknown;
  try {
    file = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    return { code: 2, lines: [`无法读取JSON文件“${path}”：${(error as Error).message}`, USAGE] };
  }
  try {
    const { matches, parts } = verifyResultsFile(file);
    if (parts.length === 0) return { code: 2, lines: ["文件中还没有已公布的分配结果。"] };
    const lines = parts.flatMap((report) => {
      const where = report.grade === null ? "" : `${report.grade}年级${roundLabel(report.round!)}：`;
      const scope = `${report.applicants}名申请人、${report.programs}个学位项目${placementScope(report.placements)}`;
      if (report.matches) return [`match: ${where}重新计算的结果与公布结果一致（${scope}）。`];
      const more = report.differenceCount - report.differences.length;
      return [`mismatch: ${where}重新计算的结果与公布结果不一致，共${report.differenceCount}处差异（${scope}）：`, ...report.differences.map((d) => `  ${d}`), ...(more > 0 ? [`  ……另有${more}处`] : [])];
    });
    return { code: matches ? 0 : 1, lines };
  } catch (error) {
    if (error instanceof DomainError)
      return { code: 2, lines: ["文件不是有效的分配结果：", ...error.fields.slice(0, 20).map((f) => `  ${f.path || "(根)"}: ${f.message}`)] };
    throw error;
  }
}
