/**
 * The browser verifier of /enrol/results/verify/: re-runs the published results file with the
 * domain's own `verifyResultsFile` (the allocation, then its 统筹安排; the code
 * `npm run allocation:verify` runs), on the file this site serves or one the visitor picks from disk, and reports per grade and round
 * "与公布结果一致" or the first difference. Text is set with textContent only.
 */
import { verifyResultsFile } from "../domain/enrolment/draw/verify-results";
import { DomainError } from "../domain/errors";
import { placementScope, roundLabel } from "../domain/enrolment/draw/draw-log";

const output = document.querySelector<HTMLElement>("#verify-output");
const served = document.querySelector<HTMLButtonElement>("#verify-served");
const picker = document.querySelector<HTMLInputElement>("#verify-file");

function say(lines: string[], state: "match" | "mismatch" | "error") {
  if (!output) return;
  output.dataset.result = state;
  output.replaceChildren(
    ...lines.map((line) => {
      const p = document.createElement("p");
      p.textContent = line;
      return p;
    }),
  );
}

function verify(file: unknown) {
  try {
    const { matches, parts } = verifyResultsFile(file);
    if (parts.length === 0) return say(["文件中还没有已公布的分配结果。"], "error");
    const lines = parts.map((p) => {
      const where = p.grade === null ? "" : `${p.grade}年级${roundLabel(p.round!)}：`;
      return p.matches
        ? `${where}与公布结果一致（${p.applicants}名申请人、${p.programs}个学位项目${placementScope(p.placements)}全部重新计算）。`
        : `${where}与公布结果不一致，共${p.differenceCount}处差异。第一处：${p.differences[0]}`;
    });
    say(matches ? ["与公布结果一致。", ...lines] : ["与公布结果不一致。", ...lines], matches ? "match" : "mismatch");
  } catch (error) {
    if (error instanceof DomainError) return say(["文件不是有效的分配结果：", ...error.fields.slice(0, 5).map((f) => `${f.path || "(根)"}：${f.message}`)], "error");
    say(["复算时出现问题，请刷新页面后重试。"], "error");
  }
}

served?.addEventListener("click", async () => {
  say(["正在下载并复算……"], "match");
  try {
    const res = await fetch("/api/enrol/results", { headers: { Accept: "application/json" } });
    if (!res.ok) throw new Error(String(res.status));
    verify(await res.json());
  } catch {
    say(["无法下载结果文件，请稍后再试。"], "error");
  }
});

picker?.addEventListener("change", async () => {
  const file = picker.files?.[0];
  if (!file) return;
  try {
    verify(JSON.parse(await file.text()));
  } catch {
    say([`无法读取JSON文件${file.name}。`], "error");
  }
});
