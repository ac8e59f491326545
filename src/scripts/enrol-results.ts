/**
 * Renders the public allocation results (/api/enrol/results) on /enrol/results/: per grade,
 * the algorithm, the seed and a table of seats, applicants and offers per school. Text is set
 * with textContent only.
 */
import { GRADE_LABELS, type Grade } from "../domain/enrolment/vocabulary";

type Program = { id: string; label: string; seats: number; applicants: number; offers: number };
type Results = { grades: { grade: Grade; publishedAt: string | null; allocation: { algorithm: { name: string; version: string }; seed: string; lotteryRule: string; programs: Program[] } }[] };

const host = document.querySelector<HTMLElement>("#results");

function el(tag: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

async function main() {
  if (!host) return;
  try {
    const res = await fetch("/api/enrol/results", { headers: { Accept: "application/json" } });
    if (!res.ok) throw new Error(String(res.status));
    const results = (await res.json()) as Results;
    if (results.grades.length === 0) {
      host.replaceChildren(el("p", "结果尚未公布。"));
      return;
    }
    host.replaceChildren(
      ...results.grades.flatMap((g) => {
        const a = g.allocation;
        const table = el("table");
        const head = el("thead");
        const tr = el("tr");
        for (const h of ["学校", "学位", "申请", "录取"]) {
          const th = el("th", h);
          th.setAttribute("scope", "col");
          tr.append(th);
        }
        head.append(tr);
        const body = el("tbody");
        for (const p of a.programs) {
          const row = el("tr");
          for (const v of [p.label, p.seats, p.applicants, p.offers]) row.append(el("td", String(v)));
          body.append(row);
        }
        table.append(el("caption", `${GRADE_LABELS[g.grade]}各校学位、申请和录取人数`), head, body);
        const wrap = el("div");
        wrap.className = "table-wrap";
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", `${GRADE_LABELS[g.grade]}结果表`);
        wrap.append(table);
        return [
          el("h2", GRADE_LABELS[g.grade]),
          el("p", `分配办法：按志愿和优先顺序分配（程序${a.algorithm.name}，版本${a.algorithm.version}）。随机种子：“${a.seed}”。${a.lotteryRule}`),
          wrap,
        ];
      }),
    );
  } catch {
    host.replaceChildren(el("p", "结果暂时无法载入，请稍后刷新，或直接下载上面的结果文件。"));
  }
}
void main();
