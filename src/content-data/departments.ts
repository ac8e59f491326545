/**
 * Reads `content/departments/<id>.yaml`, one file per responsible body, and checks them
 * against the policy: every duty is quoted verbatim from the clause it cites, every clause
 * exists, supporting bodies exist, commitment ids are unique, history runs oldest first, and
 * a status without a default progress has a figure. Problems name file, line and field.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { DepartmentFile } from "../domain/accountability/department";
import { progressOf } from "../domain/accountability/progress";
import { Slug } from "../domain/district/site-config";
import { ContentError, type ContentProblem } from "./content-error";
import { clauseIndex, type Policy } from "./policy";
import { problemAt, readYaml, validateYaml, type YamlSource } from "./yaml-file";

export const DEPARTMENTS_DIR = "content/departments";

export type Department = DepartmentFile & { id: string; file: string };

export function parseDepartments(files: Record<string, string>, policy: Policy): Department[] {
  const problems: ContentProblem[] = [];
  const parsed: { dept: Department; source: YamlSource }[] = [];
  for (const [name, text] of Object.entries(files)) {
    const file = `${DEPARTMENTS_DIR}/${name}`;
    const id = name.replace(/\.yaml$/, "");
    if (!Slug.safeParse(id).success) {
      problems.push({ file, line: null, field: "（文件名）", message: "文件名只能使用小写字母、数字和连字符，例如jiaoyu-ju.yaml" });
      continue;
    }
    try {
      const source = readYaml(text, file);
      parsed.push({ dept: { ...validateYaml(source, DepartmentFile), id, file }, source });
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
    }
  }

  const clauses = clauseIndex(policy);
  // Every file name counts, so one broken file does not make its name look missing elsewhere.
  const ids = new Set(Object.keys(files).map((n) => n.replace(/\.yaml$/, "")));
  const seen = new Map<string, string>();
  for (const { dept, source } of parsed) {
    const at = (p: PropertyKey[], message: string) => problems.push(problemAt(source, p, message));
    dept.duties.forEach((duty, i) => {
      const clause = clauses.get(duty.clause);
      if (!clause) at(["duties", i, "clause"], `政策中没有第${duty.clause}条`);
      else if (!clause.paragraphs.some((p) => p.includes(duty.quote))) at(["duties", i, "quote"], `引文与政策第${duty.clause}条原文不一致，请逐字引用`);
    });
    dept.commitments.forEach((c, i) => {
      if (!clauses.has(c.clause)) at(["commitments", i, "clause"], `政策中没有第${c.clause}条`);
      const other = seen.get(c.id);
      if (other) at(["commitments", i, "id"], `编号${c.id}已在${other}中使用，承诺编号不能重复`);
      seen.set(c.id, dept.file);
      c.supporting.forEach((s, j) => {
        if (s === dept.id) at(["commitments", i, "supporting", j], "牵头部门不必再列为配合部门");
        else if (!ids.has(s)) at(["commitments", i, "supporting", j], `没有名为${s}的部门文件（${DEPARTMENTS_DIR}/${s}.yaml）`);
      });
      c.history.forEach((h, j) => {
        const before = c.history[j - 1];
        if (before && before.date > h.date) at(["commitments", i, "history", j, "date"], "进展记录应按日期从早到晚排列");
      });
      if (progressOf(c) === undefined) at(["commitments", i, "progress"], "这个状态没有默认进度，请填写progress或至少一条进展记录");
      if ((c.status === "adjusted" || c.status === "delayed") && !c.explanation) at(["commitments", i, "explanation"], "状态为滞后或调整时，请说明原因");
    });
  }
  if (problems.length > 0) throw new ContentError(problems);
  return parsed.map((p) => p.dept).sort((a, b) => a.order - b.order);
}

export async function readDepartments(root: string, policy: Policy): Promise<Department[]> {
  const dir = path.join(root, DEPARTMENTS_DIR);
  const names = (await readdir(dir)).filter((n) => n.endsWith(".yaml"));
  const texts = await Promise.all(names.map((n) => readFile(path.join(dir, n), "utf8")));
  return parseDepartments(Object.fromEntries(names.map((n, i) => [n, texts[i] ?? ""])), policy);
}
