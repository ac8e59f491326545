/**
 * Progressive enhancement of /enrol/where/ (the page works without it): the GET form's
 * answer (?community=…&grade=…, or ?community=… from a scorecard) is shown on top with the
 * same renderer the page's full list uses, the form keeps the choice, and the community
 * list follows the chosen township.
 */
import { Catalogue } from "../domain/enrolment/catalogue";
import { catchmentOf } from "../domain/enrolment/school-choices";
import { whereAnswerHtml } from "../forms/enrolment/where-view";

async function main() {
  const form = document.getElementById("where-form") as HTMLFormElement | null;
  const host = document.getElementById("where-answer");
  if (!form || !host) return;
  const catalogue = Catalogue.parse(await (await fetch("/enrol/catalogue.json")).json());
  const area = form.querySelector<HTMLSelectElement>('[name="area"]')!;
  const community = form.querySelector<HTMLSelectElement>('[name="community"]')!;
  const filter = () => {
    const name = catalogue.areas.find((a) => a.id === area.value)?.name;
    for (const group of community.querySelectorAll("optgroup")) group.hidden = !!name && group.label !== name;
  };
  area.addEventListener("change", filter);

  const query = new URLSearchParams(location.search);
  const asked = query.get("community") ?? "";
  const grade = query.get("grade") ?? undefined;
  const answer = catchmentOf(catalogue, asked, grade || undefined);
  if (answer) {
    area.value = answer.area.id;
    community.value = answer.community.id;
    if (grade) form.querySelector<HTMLInputElement>(`[name="grade"][value="${CSS.escape(grade)}"]`)?.click();
    host.innerHTML = String(whereAnswerHtml(catalogue, asked, grade || undefined));
    const list = document.getElementById("where-list");
    if (list) list.hidden = true;
    host.querySelector("h2")?.setAttribute("tabindex", "-1");
  }
  filter();
}

void main();
