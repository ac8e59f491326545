/**
 * Draw island: shows each grade's phase, sends the commitment, freeze, reveal, official draw
 * and dry-run forms, shows a run's counts and explanations, and publishes an official draw.
 * Refusals (the calendar, a reveal not matching its commitment) show in the form's error summary.
 */
import { apiError, staffApi } from "../api";
import { clearErrors, showErrors } from "../../../forms/staff/error-summary";
import { requirePage } from "../shell";

const section = document.querySelector<HTMLElement>("#allocation-section")!;
const form = (id: string) => document.querySelector<HTMLFormElement>(`#${id}`)!;
const publishForm = form("publish-form");
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

async function showPhases() {
  const res = await staffApi.allocation.phase.$get();
  if (!res.ok) return;
  const { grades } = await res.json();
  document.querySelector("#phase-list")!.replaceChildren(
    ...grades.map((g) => {
      const li = document.createElement("li");
      li.textContent = `${g.gradeLabel}：${g.label}${g.drawRefusal ? `（${g.drawRefusal}）` : "（可以冻结名单并正式抽签）"}`;
      return li;
    }),
  );
}

type Run = { runId: string; seed: string; inputDigest: string; outcomeDigest: string; offered: number; unplaced: number; programs: { label: string; seats: number; applicants: number; catchmentApplicants: number; offers: number; waitlist: number }[]; applicants: { id: string; explanation: string }[] };

function showRun(run: Run, official: boolean) {
  runId = run.runId;
  document.querySelector("#run-summary")!.textContent = official
    ? `正式抽签完成：种子${run.seed}，录取${run.offered}人，候补${run.unplaced}人，结果摘要${run.outcomeDigest}。已记入公开抽签记录，尚未通知家庭。`
    : `试运行（测试种子${run.seed}，不能发布）：录取${run.offered}人，候补${run.unplaced}人，结果摘要${run.outcomeDigest}。已记入公开抽签记录。`;
  document.querySelector("#counts-body")!.replaceChildren(...run.programs.map((p) => row([p.label, p.seats, p.applicants, p.catchmentApplicants, p.offers, p.waitlist])));
  document.querySelector("#applicant-results")!.replaceChildren(
    ...run.applicants.map((a) => {
      const li = document.createElement("li");
      li.textContent = `${a.id}：${a.explanation}`;
      return li;
    }),
  );
  publishForm.hidden = !official;
  result.hidden = false;
}

/** Wires a form: builds the body, sends it, shows the refusal or the success line. */
function wire(id: string, send: (data: FormData) => Promise<Response>, done: (body: never) => string | void) {
  const f = form(id);
  f.addEventListener("submit", async (event) => {
    event.preventDefault();
    const res = await send(new FormData(f));
    if (!res.ok) return showErrors(f, await apiError(res));
    clearErrors(f);
    const line = done((await res.json()) as never);
    const status = f.querySelector(".form-status");
    if (status && line) status.textContent = line;
    await showPhases();
  });
}

const grade = (d: FormData) => String(d.get("grade")) as "1" | "7";

async function start() {
  if (!(await requirePage("allocation.run", section))) return;
  await showPhases();
  wire(
    "commit-form",
    (d) =>
      staffApi.allocation.commitments.$post({
        json: { grade: grade(d), role: String(d.get("role")) as "notary", name: String(d.get("name") ?? ""), commitment: String(d.get("commitment") ?? "").trim(), ...(String(d.get("redrawReason") ?? "").trim() ? { redrawReason: String(d.get("redrawReason")) } : {}) },
      }),
    (r: { position: number }) => `已登记为第${r.position}位见证人的承诺。`,
  );
  wire("freeze-form", (d) => staffApi.allocation.freeze.$post({ json: { grade: grade(d) } }), (r: { inputDigest: string; applicants: number; seats: number }) => `名单已冻结：${r.applicants}名申请人、${r.seats}个学位，名单摘要${r.inputDigest}，已公布。`);
  wire(
    "reveal-form",
    (d) => staffApi.allocation.reveals.$post({ json: { grade: grade(d), position: Number(d.get("position")), contribution: String(d.get("contribution") ?? "").trim() } }),
    (r: { position: number }) => `第${r.position}位见证人的随机串与承诺一致，已记录。`,
  );
  wire("draw-form", (d) => staffApi.allocation.draws.$post({ json: { grade: grade(d) } }), (r: Run) => showRun(r, true));
  wire("run-form", (d) => staffApi.allocation.runs.$post({ json: { grade: grade(d) } }), (r: Run) => showRun(r, false));
  publishForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!runId) return;
    const res = await staffApi.allocation.runs[":runId"].publish.$post({ param: { runId } });
    if (!res.ok) return showErrors(publishForm, await apiError(res));
    clearErrors(publishForm);
    const done = await res.json();
    document.querySelector("#publish-status")!.textContent = `已发布：${done.offered}个家庭获得学位，所有家庭已加入短信通知队列。`;
    await showPhases();
  });
}
void start();
