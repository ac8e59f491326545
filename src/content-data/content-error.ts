/**
 * A content file that breaks its schema. The build fails with every problem listed, each
 * naming the file, the line and the field (DESIGN.md convention 7), e.g.
 * `content/schools/schools.csv 第 12 行 location_type：请填写 urban、town 或 rural`.
 */
export type ContentProblem = { file: string; line: number | null; field: string; message: string };

export function formatProblem(p: ContentProblem): string {
  const where = p.line === null ? p.file : `${p.file}:${p.line}`;
  return `${where} ${p.field}：${p.message}`;
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(`内容文件有${problems.length}处错误：\n${problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
    this.name = "ContentError";
    this.problems = problems;
  }
}

/**
 * Collects the problems of several checks so one build reports them all at once: `attempt`
 * runs a check and returns its result, or undefined after recording its ContentError.
 */
export function problemCollector(): { problems: ContentProblem[]; attempt: <T>(check: () => T) => T | undefined } {
  const problems: ContentProblem[] = [];
  const attempt = <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  return { problems, attempt };
}
