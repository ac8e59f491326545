/**
 * "我家孩子能上哪所学校" (/enrol/where/, issue 16 item 5), written once for the prerendered page
 * and its script: the GET form (township, community, grade: no personal data, so the answer
 * may sit in a URL) and the answer for one community: its catchment school(s) for each grade,
 * each linking to its scorecard (/schools/<section id>/), the seats it reserves this intake
 * and last intake's outcome, which this platform has not published ("暂无", said plainly).
 * Then links that open the application form with the township, community and grade filled.
 */
import { html } from "hono/html";
import type { Catalogue } from "../../domain/enrolment/catalogue";
import { catchmentOf } from "../../domain/enrolment/school-choices";
import { GRADE_LABELS, type Grade } from "../../domain/enrolment/vocabulary";
import { select, type FieldCtx } from "../field";
import { radios } from "../radios";
import { sync, type Html } from "../html";

export const WHERE_PATH = "/enrol/where/";
export const LAST_INTAKE_UNKNOWN = "暂无：上一批次的分配结果没有在本平台公布。";

export type WhereValues = { area?: string; community?: string; grade?: string };

/** Where the application form opens with these answers filled: the page (its script fills them) or, without a script, the API's form. */
export function applyLinks(v: { area: string; community: string; grade: string }) {
  const query = new URLSearchParams({ grade: v.grade, area: v.area, community: v.community }).toString();
  return { page: `/enrol/apply/?${query}`, noScript: `/api/enrol/draft/start?${query}` };
}

export function whereFormHtml(catalogue: Catalogue, values: WhereValues = {}): Html {
  const ctx: FieldCtx = { values: { ...values }, errors: [] };
  const areas = catalogue.areas.map((a) => ({ value: a.id, label: a.name }));
  const communities = catalogue.areas.map((a) => ({ label: a.name, options: a.communities.map((c) => ({ value: c.id, label: c.name })) }));
  const grades = catalogue.intake.grades.map((g) => ({ value: g.grade, label: GRADE_LABELS[g.grade] }));
  return sync(html`<form id="where-form" class="enrol-form" method="get" action="${WHERE_PATH}">
  ${select(ctx, "area", "乡镇或街道", areas)}
  ${select(ctx, "community", "社区", communities, { hint: "请选择上面所选乡镇或街道下的社区" })}
  ${radios(ctx, "grade", "申请哪个年级？", grades, { inline: true })}
  <button type="submit" class="button">查看施教区学校</button>
</form>`);
}

/** The answer for one community (every grade, or the one asked); empty when the community is unknown. */
export function whereAnswerHtml(catalogue: Catalogue, communityId: string, grade?: string, headingLevel: 2 | 3 = 2): Html {
  const answer = catchmentOf(catalogue, communityId, grade);
  if (!answer) return sync(html``);
  const h = (text: string) => (headingLevel === 2 ? html`<h2>${text}</h2>` : html`<h3>${text}</h3>`);
  // The full list's sections are anchors (#community-<id>); the answer on top is not, so no id repeats.
  const id = headingLevel === 3 ? `community-${answer.community.id}` : "where-chosen";
  return sync(html`<section class="where-answer" id="${id}" aria-label="${answer.area.name}${answer.community.name}">
  ${h(`${answer.area.name}${answer.community.name}`)}
  ${answer.grades.map(({ grade: g, sections }) => {
    const links = applyLinks({ area: answer.area.id, community: answer.community.id, grade: g });
    return html`<h${headingLevel + 1}>${GRADE_LABELS[g as Grade]}</h${headingLevel + 1}>
  ${
    sections.length === 0
      ? html`<p>这个社区在本批次没有划定${GRADE_LABELS[g as Grade]}的施教区学校，可以在申请时按意愿填报本年级的任何学校。</p>`
      : html`<table class="where-table">
    <thead><tr><th scope="col">施教区学校</th><th scope="col">学位数</th></tr></thead>
    <tbody>${sections.map((s) => html`<tr><td><a href="/schools/${s.id}/">${s.name}</a><br /><span class="muted">${s.address}</span></td><td>${s.seats}个</td></tr>`)}</tbody>
  </table>
  <p class="muted">上一批次结果：${LAST_INTAKE_UNKNOWN}</p>`
  }
  <p><a href="${links.page}">按这个地址申请${GRADE_LABELS[g as Grade]}</a><noscript>（<a href="${links.noScript}">浏览器未启用脚本时用这个链接</a>）</noscript></p>`;
  })}
</section>`);
}

/**
 * Every community's answer, by township, each township folded (a phone opens only its own):
 * what the page shows without a script, where the query cannot pick one out.
 */
export function whereListHtml(catalogue: Catalogue): Html {
  return sync(html`<h2>各乡镇（街道）的施教区学校</h2>
${catalogue.areas.map(
    (a) => html`<details class="where-area" id="area-${a.id}">
  <summary>${a.name}（${a.communities.length}个社区）</summary>
  ${a.communities.map((c) => whereAnswerHtml(catalogue, c.id, undefined, 3))}
</details>`,
  )}`);
}
