/**
 * The application form's answers that may come from a link (issue 16 item 5): the grade, the
 * township and the community, from "我家孩子能上哪所学校". Only ids the catalogue knows are
 * taken (anything else is dropped, not shown); nothing personal ever travels this way.
 */
import { communityOf, type Catalogue } from "../../domain/enrolment/catalogue";
import type { FormValues } from "../html";

export function prefillOf(catalogue: Catalogue, query: URLSearchParams): FormValues | null {
  const grade = query.get("grade") ?? "";
  const area = query.get("area") ?? "";
  const community = query.get("community") ?? "";
  const values: FormValues = {};
  if (catalogue.intake.grades.some((g) => g.grade === grade)) values.grade = grade;
  if (communityOf(catalogue, area, community)) values.address = { area, community };
  else if (catalogue.areas.some((a) => a.id === area)) values.address = { area };
  return Object.keys(values).length ? values : null;
}
