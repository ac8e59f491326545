/**
 * Parses a CSV content file (UTF-8, optional BOM, header row) with csv-parse and validates
 * each row with a zod schema, reporting every problem by line and column. The header must
 * name exactly the schema's columns, so a renamed or missing column fails loudly.
 */
import { parse } from "csv-parse/sync";
import type { z } from "zod";
import { ContentError, type ContentProblem } from "./content-error";

export type CsvRow<T> = { line: number; value: T };

export function parseCsv<S extends z.ZodObject>(text: string, file: string, schema: S): CsvRow<z.output<S>>[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, columns: true, info: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new ContentError([{ file, line: e.lines ?? null, field: "CSV格式", message: e.message }]);
  }

  const expected = Object.keys(schema.shape);
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0]?.split(",").map((h) => h.trim()) ?? [];
  const headerProblems: ContentProblem[] = [
    ...expected.filter((c) => !header.includes(c)).map((c) => ({ file, line: 1, field: c, message: "缺少这一列" })),
    ...header.filter((c) => !expected.includes(c)).map((c) => ({ file, line: 1, field: c, message: "不认识这一列" })),
  ];
  if (headerProblems.length > 0) throw new ContentError(headerProblems);

  const problems: ContentProblem[] = [];
  const rows: CsvRow<z.output<S>>[] = [];
  for (const { record, info } of records) {
    const result = schema.safeParse(record);
    if (result.success) rows.push({ line: info.lines, value: result.data });
    else
      for (const issue of result.error.issues)
        problems.push({ file, line: info.lines, field: issue.path.map(String).join(".") || "（整行）", message: issue.message });
  }
  if (problems.length > 0) throw new ContentError(problems);
  return rows;
}
