/**
 * Renders /api/complaints/stats as tables on /complaints/stats/. The server has already
 * suppressed small counts (null), so this script only labels and formats; all text goes
 * in with textContent.
 */
import { CATEGORY_INFO, type ComplaintCategory } from "../domain/complaint/categories";
import { SCHOOL_DIRECTORY } from "../domain/complaint/directory.generated";
import { MIN_PUBLISHED_COUNT, type Cell, type ComplaintStats } from "../domain/complaint/statistics";
import { chineseDate } from "../domain/complaint/time";
import { DEPARTMENT_LABELS, type Department } from "../domain/staff/departments";

/** The public endpoint's answer: the domain's suppressed figures plus the date and the approved summaries. */
type Stats = ComplaintStats & {
  asOf: string;
  summaries: { categoryLabel: string; answeredOn: string; outcomeLabel: string; summary: string }[];
};

const SMALL = "不公布";
const schools = new Map<string, string>(SCHOOL_DIRECTORY.map((s) => [s.id, s.name]));
const count = (n: number | null) => (n === null ? SMALL : String(n));
const figure = (n: number | null, unit: string) => (n === null ? `不公布（少于 ${MIN_PUBLISHED_COUNT} 件）` : `${n}${unit}`);
const share = (n: number | null) => (n === null ? "不公布（按期或逾期的件数太少）" : `${(n * 100).toFixed(1)}%`);

function table(id: string, cells: Cell[], label: (key: string) => string) {
  const body = document.querySelector<HTMLTableSectionElement>(`#${id} tbody`)!;
  for (const c of cells) {
    const tr = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = label(c.key);
    const td = document.createElement("td");
    td.className = "num";
    td.textContent = count(c.count);
    tr.append(th, td);
  }
}

const status = document.querySelector<HTMLElement>("#stats-status")!;
status.textContent = "正在加载统计……";
try {
  const res = await fetch("/api/complaints/stats", { headers: { Accept: "application/json" } });
  if (!res.ok) throw new Error(String(res.status));
  const s = (await res.json()) as Stats;
  const headline = document.querySelector<HTMLElement>("#stats-headline")!;
  for (const [k, v] of [
    ["投诉总数", count(s.total)],
    ["已答复", count(s.answered)],
    ["受理决定天数（中位数）", figure(s.medianDaysToAcceptance, " 天")],
    ["答复天数（中位数，自受理起）", figure(s.medianDaysToAnswer, " 天")],
    ["按期答复比例", share(s.answeredOnTimeShare)],
    ["统计时间", chineseDate(s.asOf)],
  ] as const) {
    const dt = document.createElement("dt");
    dt.textContent = k;
    const dd = document.createElement("dd");
    dd.textContent = v;
    headline.append(dt, dd);
  }
  table("by-category", s.byCategory, (k) => CATEGORY_INFO[k as ComplaintCategory]?.label ?? k);
  table("by-department", s.byDepartment, (k) => DEPARTMENT_LABELS[k as Department] ?? k);
  table("by-month", s.byMonth, (k) => k);
  table("by-school", s.bySchool, (k) => (k === "none" ? "不针对某一所学校" : (schools.get(k) ?? k)));
  const list = document.querySelector<HTMLUListElement>("#summaries")!;
  if (s.summaries.length === 0) {
    const li = document.createElement("li");
    li.textContent = "暂无。";
    list.append(li);
  }
  for (const x of s.summaries) {
    const li = document.createElement("li");
    li.textContent = `${chineseDate(x.answeredOn)} · ${x.categoryLabel} · ${x.outcomeLabel}：${x.summary}`;
    list.append(li);
  }
  document.querySelector<HTMLElement>("#stats-body")!.hidden = false;
  status.textContent = "";
} catch {
  status.textContent = "统计暂时无法加载，请稍后刷新，或下载上面的 CSV 文件。";
}
