/**
 * The public result pages the Hono app renders into the site's shell, so they work without
 * JavaScript: /enrol/results/ (per grade and round: seats, applicants, offers and cut-off per
 * school, the seed and the digests, the one file to download and the one command to re-run
 * it) and /enrol/draw-log/ (every frozen applicant set, the witnesses' commitments and
 * reveals, every run, dry or official, with its seed and outcome digest). Escaped by hono/html.
 */
import { html } from "hono/html";
import type { PublishedAllocation } from "../../domain/enrolment/allocation";
import { PRIORITY_TIER_LABELS } from "../../domain/enrolment/allocation/vocabulary";
import { chineseDate } from "../../domain/complaint/time";
import { roundLabel } from "../../domain/enrolment/draw/draw-log";
import { GRADE_LABELS, type Grade } from "../../domain/enrolment/vocabulary";
import { beijingTime } from "./answer-views";

type Phase = { grade: string; gradeLabel: string; label: string };
type ResultsView = {
  intake: { title: string; allocationOn: string };
  phases: Phase[];
  grades: { grade: string; round: number; publishedAt: string | null; allocation: PublishedAllocation }[];
};

export const RESULTS_FILE_URL = "/api/enrol/results";
export const VERIFY_COMMAND = "npm run allocation:verify -- results.json";

const gradeName = (g: string) => GRADE_LABELS[g as Grade] ?? `${g}年级`;

function phaseList(phases: Phase[]) {
  return html`<ul class="phase-list">${phases.map((p) => html`<li>${p.gradeLabel}：<strong>${p.label}</strong></li>`)}</ul>`;
}

function allocationTable(g: ResultsView["grades"][number]) {
  const a = g.allocation;
  const id = `results-${g.grade}-${g.round}`;
  return html`<section aria-labelledby="${id}">
  <h2 id="${id}">${gradeName(g.grade)}${roundLabel(g.round)}</h2>
  <p>${g.publishedAt ? `${beijingTime(g.publishedAt)}（北京时间）发布。` : ""}共${a.applicants.length}名申请人，录取${a.applicants.filter((x) => x.offer !== null).length}人。</p>
  <div class="table-scroll" tabindex="0" role="region" aria-labelledby="${id}">
    <table>
      <thead><tr><th scope="col">学校</th><th scope="col">学位</th><th scope="col">填报</th><th scope="col">录取</th><th scope="col">录取线</th></tr></thead>
      <tbody>${a.programs.map(
        (p) =>
          html`<tr><th scope="row">${p.label}</th><td>${p.seats}</td><td>${p.applicants}</td><td>${p.offers}</td><td>${
            p.cutoff ? `${PRIORITY_TIER_LABELS[p.cutoff.tier]}，积分${p.cutoff.points}，随机号${p.cutoff.lottery.toFixed(6)}` : "无"
          }</td></tr>`,
      )}</tbody>
    </table>
  </div>
  <p>随机种子：<code class="break">${a.seed}</code></p>
  <p>输入摘要（抽签前公布）：<code class="break">${a.inputDigest}</code></p>
</section>`;
}

export function resultsPage(view: ResultsView) {
  return html`<div class="prose enrol">
  <p class="breadcrumb"><a href="/enrol/">随迁子女入学</a> › 分配结果</p>
  <h1>学位分配结果</h1>
  <p>${view.intake.title}。当前阶段：</p>
  ${phaseList(view.phases)}
  ${
    view.grades.length === 0
      ? html`<p>还没有公布的分配结果。按招生日程，第一轮结果在${chineseDate(view.intake.allocationOn)}公开抽签后公布。抽签前公布的申请名单摘要、见证人承诺和每一次运行见<a href="/enrol/draw-log/">抽签记录</a>。</p>`
      : view.grades.map(allocationTable)
  }
  <h2>自己复算</h2>
  <p>公布的文件不含姓名和受理编号，只用匿名编号，包含每位申请人的志愿、优先级、积分和随机号，任何人都可以用同样的算法和种子复算。</p>
  <ol>
    <li><a href="${RESULTS_FILE_URL}" download="results.json">下载结果文件results.json</a>。</li>
    <li>不用安装任何软件：打开<a href="/enrol/results/verify/">在浏览器中复算</a>页面，选择下载的文件（或直接复算本站公布的文件）。</li>
    <li>或在本项目的源代码目录中运行：<code>${VERIFY_COMMAND}</code>，一致时显示match。</li>
  </ol>
  <p>随机种子由多位见证人的随机串生成，抽签过程见<a href="/enrol/draw-log/">抽签记录</a>。</p>
</div>`;
}

type LogView = {
  intake: { title: string };
  ceremonies: {
    grade: string;
    round: number;
    state: string;
    redrawReason: string | null;
    frozenAt: string | null;
    seed: string | null;
    witnesses: { position: number; role: string; name: string; commitment: string; contribution: string | null }[];
    frozenSet: unknown;
  }[];
  runs: { grade: string; round: number; kindLabel: string; seed: string; inputDigest: string; outcomeDigest: string | null; at: string }[];
};

export function drawLogPage(view: LogView) {
  return html`<div class="prose enrol">
  <p class="breadcrumb"><a href="/enrol/">随迁子女入学</a> › <a href="/enrol/results/">分配结果</a> › 抽签记录</p>
  <h1>抽签记录</h1>
  <p>${view.intake.title}。每次抽签前，申请名单冻结并公布其摘要、学位数和规则；随机种子由见证人事先登记承诺、抽签时当场揭示的随机串计算，任何人都可核对。每一次运行（包括不能发布的试运行）都记录在这里。<a href="/api/enrol/draw-log">下载抽签记录（JSON）</a></p>
  ${view.ceremonies.length === 0 ? html`<p>还没有抽签记录。</p>` : ""}
  ${view.ceremonies.map((c) => {
    const digest = (c.frozenSet as { inputDigest?: string } | null)?.inputDigest;
    return html`<section>
  <h2>${gradeName(c.grade)}${roundLabel(c.round)}${c.redrawReason ? "（重新抽签）" : ""}</h2>
  ${c.redrawReason ? html`<p>重新抽签的理由：${c.redrawReason}</p>` : ""}
  <p>${c.frozenAt ? html`申请名单于${beijingTime(c.frozenAt)}（北京时间）冻结，名单摘要：<code class="break">${digest ?? ""}</code>` : "申请名单尚未冻结，见证人正在登记承诺。"}</p>
  <ol>${c.witnesses.map(
    (w) => html`<li>${w.role}${w.name}：承诺值 <code class="break">${w.commitment}</code>${w.contribution ? html`；揭示的随机串 <code class="break">${w.contribution}</code>` : ""}</li>`,
  )}</ol>
  ${c.seed ? html`<p>随机种子：<code class="break">${c.seed}</code></p>` : ""}
</section>`;
  })}
  <h2>每一次运行</h2>
  ${
    view.runs.length === 0
      ? html`<p>还没有运行。</p>`
      : html`<ul>${view.runs.map(
          (r) =>
            html`<li>${beijingTime(r.at)}（北京时间）${gradeName(r.grade)}${roundLabel(r.round)}：${r.kindLabel}；种子 <code class="break">${r.seed}</code>；结果摘要 <code class="break">${r.outcomeDigest ?? "无"}</code></li>`,
        )}</ul>`
  }
</div>`;
}
