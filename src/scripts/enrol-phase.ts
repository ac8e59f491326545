/** Fills /enrol/'s phase line from /api/enrol/phase (one line per grade); text set with textContent only. */
type Phases = { grades: { gradeLabel: string; label: string }[] };

async function main() {
  const host = document.querySelector<HTMLElement>("#intake-phase-now");
  if (!host) return;
  try {
    const res = await fetch("/api/enrol/phase", { headers: { Accept: "application/json" } });
    if (!res.ok) return;
    const { grades } = (await res.json()) as Phases;
    host.textContent = `当前阶段：${grades.map((g) => `${g.gradeLabel}${g.label}`).join("；")}。`;
  } catch {
    // The static text (a link to the server-rendered results page) stays.
  }
}
void main();
