/**
 * The compare island on /schools/compare/: reads up to four section ids from the form (or the
 * `s1`…`s4` query parameters the form submits), fetches the latest year's JSON download and renders
 * the sections side by side. The page works without it (a prerendered table of every
 * section's indicators); the script shows the picker, hidden until it runs.
 */
import { fmtAtLeast } from "../lib/balance-format";
type Quality = { value: number; standard: number; met: boolean; district_mean: number | null };
type Section = {
  id: string;
  name: string;
  section: "primary" | "junior";
  nine_year: boolean;
  location_type: string;
  standards_met: number;
  result: "pass" | "fail" | "out_of_scope";
  quality: Record<string, Quality>;
};
type Indicator = { id: string; name: string; unit: string; decimals: number };

const MAX = 4;
const root = document.querySelector<HTMLElement>("[data-compare]");

function cell(tag: "td" | "th", text: string, attrs: Record<string, string> = {}): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

function render(sections: Section[], indicators: Indicator[], labels: Record<string, string>, out: HTMLElement) {
  out.replaceChildren();
  if (sections.length === 0) {
    out.append(cell("td", "请至少选择一所学校。"));
    return;
  }
  const table = document.createElement("table");
  table.className = "data-table";
  const caption = document.createElement("caption");
  caption.textContent = `${sections.length}所学校对比`;
  table.append(caption);
  const head = document.createElement("thead");
  const hr = document.createElement("tr");
  hr.append(cell("th", "指标", { scope: "col" }));
  for (const s of sections) {
    const th = cell("th", "", { scope: "col" });
    const a = document.createElement("a");
    a.href = `/schools/${s.id}/`;
    a.textContent = s.nine_year ? `${s.name}${s.section === "primary" ? "小学部" : "初中部"}` : s.name;
    th.append(a);
    hr.append(th);
  }
  head.append(hr);
  const body = document.createElement("tbody");
  const row = (label: string, values: string[], fields?: string[]) => {
    const tr = document.createElement("tr");
    tr.append(cell("th", label, { scope: "row" }));
    values.forEach((v, i) => tr.append(cell("td", v, fields ? { class: "num", "data-field": fields[i]! } : { class: "num" })));
    body.append(tr);
  };
  row("评估结果", sections.map((s) => labels[s.result] ?? s.result));
  row("达标指标", sections.map((s) => (s.result === "out_of_scope" ? "不参与评估" : `${s.standards_met}/7达标`)));
  for (const ind of indicators) {
    row(
      `${ind.id}${ind.name}（${ind.unit}）`,
      sections.map((s) => {
        const q = s.quality[ind.id]!;
        return `${fmtAtLeast(q.value, ind.decimals)} ${q.met ? "✔ 达标" : "✘ 未达标"}（标准${q.standard.toFixed(ind.decimals)}）`;
      }),
      sections.map((s) => `${s.id}:quality.${ind.id}.value`),
    );
  }
  table.append(head, body);
  out.append(table);
}

async function start(el: HTMLElement) {
  const form = el.querySelector<HTMLFormElement>("form")!;
  const out = el.querySelector<HTMLElement>("[data-compare-output]")!;
  const status = el.querySelector<HTMLElement>("[data-compare-status]")!;
  const indicators = JSON.parse(el.dataset.indicators ?? "[]") as Indicator[];
  const labels = JSON.parse(el.dataset.labels ?? "{}") as Record<string, string>;
  form.hidden = false;
  status.textContent = "正在读取数据……";
  const res = await fetch(el.dataset.source!);
  if (!res.ok) {
    status.textContent = "数据读取失败，请稍后再试，或打开各校的评估页面查看。";
    return;
  }
  const data = (await res.json()) as { sections: Section[] };
  const byId = new Map(data.sections.map((s) => [s.id, s]));
  const show = (ids: string[]) => {
    const chosen = [...new Set(ids)].filter((id) => byId.has(id)).slice(0, MAX).map((id) => byId.get(id)!);
    render(chosen, indicators, labels, out);
    status.textContent = chosen.length ? `已显示${chosen.length}所学校的对比。` : "";
  };
  const selects = [...form.querySelectorAll<HTMLSelectElement>("select")];
  const query = new URLSearchParams(location.search);
  const initial = selects.map((s) => query.get(s.name) ?? "");
  initial.forEach((id, i) => (selects[i]!.value = id));
  show(initial.filter(Boolean));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = selects.filter((s) => s.value);
    history.replaceState(null, "", `?${chosen.map((s) => `${s.name}=${encodeURIComponent(s.value)}`).join("&")}`);
    show(chosen.map((s) => s.value));
    out.focus();
  });
}

if (root) void start(root);
