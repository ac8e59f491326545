/** Allocation island: dry run with a seed, show counts and explanations, then publish that run. */
import { apiError, staffApi } from "../api";
import { clearErrors, showErrors } from "../../../forms/staff/error-summary";
import { requirePage } from "../shell";

const section = document.querySelector<HTMLElement>("#allocation-section")!;
const runForm = document.querySelector<HTMLFormElement>("#run-form")!;
const publishForm = document.querySelector<HTMLFormElement>("#publish-form")!;
const result = document.querySelector<HTMLElement>("#run-result")!;
let runId = "";

function row(values: (string | number)[]): HTMLTableRowElement {
  const tr = document.createElement("tr");
  for (const v of values) {
    const td = document.createElement("td");
    td.textContent = String(v);
    tr.append(td);
  }
  return tr;
}

async function start() {
  if (!(await requirePage("allocation.run", section))) return;
  runForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(runForm);
    const res = await staffApi.allocation.runs.$post({ json: { grade: String(data.get("grade")) as "1" | "7", seed: String(data.get("seed") ?? "") } });
    if (!res.ok) return showErrors(runForm, await apiError(res));
    clearErrors(runForm);
    const run = await res.json();
    runId = run.runId;
    document.querySelector("#run-summary")!.textContent = `种子“${run.seed}”：录取 ${run.offered} 人，候补 ${run.unplaced} 人。这是试运行，尚未通知任何家庭。输入摘要（应在输入种子前公布）：${run.inputDigest}`;
    document.querySelector("#counts-body")!.replaceChildren(...run.programs.map((p) => row([p.label, p.seats, p.applicants, p.catchmentApplicants, p.offers, p.waitlist])));
    document.querySelector("#applicant-results")!.replaceChildren(
      ...run.applicants.map((a) => {
        const li = document.createElement("li");
        li.textContent = `${a.id}：${a.explanation}`;
        return li;
      }),
    );
    result.hidden = false;
  });
  publishForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!runId) return;
    const res = await staffApi.allocation.runs[":runId"].publish.$post({ param: { runId } });
    if (!res.ok) return showErrors(publishForm, await apiError(res));
    clearErrors(publishForm);
    const done = await res.json();
    document.querySelector("#publish-status")!.textContent = `已发布：${done.offered} 个家庭获得学位，所有家庭已加入短信通知队列。`;
  });
}
void start();
