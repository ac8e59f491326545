/**
 * Checks, at build time and in `npm run data:check`, that every figure a commitment's
 * progress note cites comes from the computed balance results (src/domain/balance/
 * cited-figures.ts): a citation `{{target:<id>:<year>}}` must resolve, and a hand-typed
 * percentage is refused where the computed data has the figure. Problems name the file,
 * the line and the field, like every other content error.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { citationProblems, type PublishedTargets } from "../domain/balance/cited-figures";
import { ContentError, type ContentProblem } from "./content-error";
import type { Department } from "./departments";
import { problemAt, readYaml } from "./yaml-file";

export function checkCitedFigures(departments: readonly { dept: Department; text: string }[], years: readonly PublishedTargets[]): void {
  const problems: ContentProblem[] = [];
  for (const { dept, text } of departments) {
    const source = readYaml(text, dept.file);
    dept.commitments.forEach((c, i) =>
      c.history.forEach((h, j) => {
        for (const message of citationProblems(h, c.clause, years)) problems.push(problemAt(source, ["commitments", i, "history", j, "note"], message));
      }),
    );
  }
  if (problems.length > 0) throw new ContentError(problems);
}

/** Reads the department files again for their line numbers and checks them. */
export async function checkCitedFiguresIn(root: string, departments: readonly Department[], years: readonly PublishedTargets[]): Promise<void> {
  const texts = await Promise.all(departments.map((d) => readFile(path.join(root, d.file), "utf8")));
  checkCitedFigures(departments.map((dept, i) => ({ dept, text: texts[i]! })), years);
}
