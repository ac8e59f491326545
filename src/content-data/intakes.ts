/**
 * Reads and validates the intakes `content/intakes/<id>.yaml` against their schema and
 * against the district: every seat line must name a section the registry has, with the
 * file, line and field of each problem (DESIGN.md convention 7).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { buildCatalogue, type Catalogue } from "../domain/enrolment/catalogue";
import { Intake } from "../domain/enrolment/intake";
import { sectionsOf } from "../domain/district/school";
import { ContentError, problemCollector, type ContentProblem } from "./content-error";
import type { District } from "./district";
import { problemAt, readYaml, validateYaml } from "./yaml-file";

export const INTAKES_DIR = "content/intakes";

export function parseIntake(text: string, file: string, district: District): Intake {
  const source = readYaml(text, file);
  // One enrolment enquiry number (issue 18): content/site.yaml's enquiries.enrolment, never a copy here.
  if (source.doc.has("contact_phone"))
    throw new ContentError([problemAt(source, ["contact_phone"], `招生咨询电话只写在content/site.yaml的enquiries.enrolment（${district.site.enquiries.enrolment}），请删除这一行`)]);
  const intake = validateYaml(source, Intake);
  const problems: ContentProblem[] = [];
  const expectedId = path.basename(file, ".yaml");
  if (intake.id !== expectedId) problems.push(problemAt(source, ["id"], `批次编号应与文件名一致（${expectedId}）`));
  const sections = new Set(district.schools.flatMap((s) => sectionsOf(s).map((sec) => `${s.id}-${sec}`)));
  intake.grades.forEach((g, gi) =>
    g.seats.forEach((line, si) => {
      if (!sections.has(line.section))
        problems.push(problemAt(source, ["grades", gi, "seats", si, "section"], `学校名录content/schools/schools.csv中没有与${line.section}对应的学校`));
    }),
  );
  if (problems.length > 0) throw new ContentError(problems);
  return intake;
}

/** Every intake, oldest first; all files are checked so one run reports every problem. */
export async function readIntakes(root: string, district: District): Promise<Intake[]> {
  const dir = path.join(root, INTAKES_DIR);
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".yaml")).sort();
  const { problems, attempt } = problemCollector();
  const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), "utf8")));
  const intakes = files.map((f, i) => attempt(() => parseIntake(texts[i]!, `${INTAKES_DIR}/${f}`, district)));
  if (problems.length > 0) throw new ContentError(problems);
  return intakes.filter((i): i is Intake => i !== undefined);
}

/** The newest intake's catalogue (the one families apply to), or null when there is none. */
export async function readCurrentCatalogue(root: string, district: District): Promise<Catalogue | null> {
  const intakes = await readIntakes(root, district);
  const current = intakes.at(-1);
  return current ? buildCatalogue(current, district.site, district.schools) : null;
}
