/**
 * The public complaint statistics as a page the API renders into the site's shell on every
 * request (issue 22 item 6): current figures with no JavaScript and no layout shift, four
 * plain tables with captions, the headline figures and the approved summaries. The figures
 * arrive already protected (src/domain/complaint/disclosure); a hidden one reads "不公布".
 * Escaped by hono/html.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { MIN_PUBLISHED_COUNT } from "../../domain/complaint/disclosure";
import { namedCells, STATS_TABLES } from "../../domain/complaint/stats-labels";
import { chineseDate } from "../../domain/complaint/time";
import type { PublicComplaintStats } from "../../../functions/services/complaint/public-complaint-stats";

type H = HtmlEscapedString | Promise<HtmlEscapedString>;

export const HIDDEN = "不公布";
const count = (n: number | null) => (n === null ? HIDDEN : String(n));
const days = (n: number | null) => (n === null ? `${HIDDEN}（少于${MIN_PUBLISHED_COUNT}件）` : `${n}天`);
const share = (n: number | null) => (n === null ? `${HIDDEN}（按期或逾期的件数太少）` : `${(n * 100).toFixed(1)}%`);

function table(s: PublicComplaintStats, t: (typeof STATS_TABLES)[number]): H {
  const cells = namedCells(s, t);
  const body =
    cells.length === 0
      ? html`<p>${s.total === 0 ? "暂无投诉。" : "数量太少，为防止倒推出个别投诉，本表整表不公布。"}</p>`
      : html`<table class="stats-table" id="by-${t.id}">
  <caption>${t.heading}的投诉件数（截至${chineseDate(s.asOf)}）</caption>
  <thead><tr><th scope="col">${t.keyHeading}</th><th scope="col" class="num">件数</th></tr></thead>
  <tbody>${cells.map((c) => html`<tr><th scope="row">${c.name}</th><td class="num">${count(c.count)}</td></tr>`)}</tbody>
</table>`;
  return html`<h2 id="by-${t.id}-title">${t.heading}</h2>
${body}`;
}

export function statsPage(s: PublicComplaintStats): H {
  return html`<h1>投诉统计</h1>
<div class="prose">
  <p>按投诉类别、学校、责任部门和月份统计的投诉数量，受理决定和答复所用天数的中位数（自然日），以及按期答复的比例，数据截至${chineseDate(s.asOf)}。</p>
  <p>为保护投诉人，少于${MIN_PUBLISHED_COUNT}件的数字不公布；为了不让人用合计或逐件公开的案件倒推出隐去的数字，还会再隐去其他一些数字，都显示为“${HIDDEN}”。逐件公开的只有投诉人同意公开、并且已经办结的案件，日期只到天。</p>
  <p>下载：<a href="/api/complaints/stats.csv" download>统计表（CSV）</a>、<a href="/api/complaints/stats">统计数据（JSON）</a>、<a href="/api/open311/v2/requests.json">Open311格式的公开案件列表</a>（仅限投诉人同意公开、已经办结的案件）。开发者可以查看<a href="/api/openapi.html">公开接口说明</a>。</p>
  <p><a href="/complain/">我要投诉</a></p>
</div>
<h2>总体情况</h2>
<dl class="receipt" id="stats-headline">
  <dt>投诉总数</dt><dd>${count(s.total)}</dd>
  <dt>已答复</dt><dd>${count(s.answered)}</dd>
  <dt>受理决定天数（中位数）</dt><dd>${days(s.medianDaysToAcceptance)}</dd>
  <dt>答复天数（中位数，自受理起）</dt><dd>${days(s.medianDaysToAnswer)}</dd>
  <dt>按期答复比例</dt><dd>${share(s.answeredOnTimeShare)}</dd>
  <dt>统计日期</dt><dd>${chineseDate(s.asOf)}</dd>
</dl>
${STATS_TABLES.map((t) => table(s, t))}
<h2>已公开的答复摘要</h2>
<p class="prose">以下摘要经工作人员审核、去除了个人信息，只来自同意公开、已经办结的投诉。</p>
<ul id="summaries">${s.summaries.length === 0 ? html`<li>暂无。</li>` : s.summaries.map((x) => html`<li>${chineseDate(x.answeredOn)} · ${x.categoryLabel} · ${x.outcomeLabel}：${x.summary}</li>`)}</ul>`;
}
