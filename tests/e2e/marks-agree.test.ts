/**
 * A number and its mark never disagree (issue 17 item 3), over every built page: each element
 * carrying `data-against="≥1"` / `"≤0.5"` is a judged number, and the innermost row, list item
 * or paragraph holding it carries exactly one ✔ or ✘ mark. The test fails when a displayed
 * value at or above its standard carries ✘, or below it carries ✔ (and the other way round for
 * ceilings), and when a table row shows a "≥ x" / "≤ x" standard beside a mark without saying
 * which number is judged. Reads dist/client (built by the e2e global setup); no browser.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtPages, textOf } from "./built-site";

type Judged = { page: string; shown: string; against: string; mark: "✔" | "✘" };

/** Innermost <tr>, <li> or <p> elements: the containers a number and its mark share. */
function containers(html: string): string[] {
  const out: string[] = [];
  for (const tag of ["tr", "li", "p"]) {
    for (const m of html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, "g"))) out.push(m[1]!);
  }
  return out;
}

const marksIn = (fragment: string) => [...fragment.matchAll(/class="mark mark-(yes|no)"/g)].map((m) => (m[1] === "yes" ? "✔" : "✘") as "✔" | "✘");

export function judgedNumbers(page: string, html: string): { judged: Judged[]; unlabelled: string[] } {
  const judged: Judged[] = [];
  const unlabelled: string[] = [];
  for (const c of containers(html)) {
    const marks = marksIn(c);
    const against = [...c.matchAll(/<[a-z]+\b[^>]*\bdata-against="([^"]+)"[^>]*>([^<]*)</g)];
    if (against.length === 0) {
      // A mark beside a written standard must say which number it judges.
      if (marks.length > 0 && /[≥≤]\s*\d/.test(textOf(c)) && !/<(tr|li|p)\b/.test(c)) unlabelled.push(`${page}: ${textOf(c).slice(0, 80)}`);
      continue;
    }
    if (/<(tr|li|p)\b/.test(c)) continue; // not innermost: its inner container is checked on its own
    // No figure shown ("—", not collected or not applicable): there is nothing to judge.
    if (marks.length === 0 && against.every((a) => ["", "—"].includes(a[2]!.trim()))) continue;
    expect(marks, `${page}: one mark beside ${textOf(c).slice(0, 80)}`).toHaveLength(1);
    for (const a of against) judged.push({ page, against: a[1]!, shown: a[2]!.trim(), mark: marks[0]! });
  }
  return { judged, unlabelled };
}

/** Whether the shown number, read as the page prints it, meets its standard. */
export function shownMeets(shown: string, against: string): boolean | null {
  if (shown === "—" || shown === "") return null;
  const value = Number.parseFloat(shown.replace(/[%,]/g, ""));
  const op = against[0];
  const limit = Number(against.slice(1));
  if (Number.isNaN(value) || Number.isNaN(limit) || (op !== "≥" && op !== "≤")) throw new Error(`cannot read “${shown}” against “${against}”`);
  return op === "≥" ? value >= limit : value <= limit;
}

describe("a number and its mark never disagree", () => {
  it("reads the boundary cases the issue names", () => {
    expect(shownMeets("1.00", "≥1")).toBe(true);
    expect(shownMeets("0.997", "≥1")).toBe(false);
    expect(shownMeets("2.30", "≥2.3")).toBe(true);
    expect(shownMeets("0.500", "≤0.5")).toBe(true);
    expect(shownMeets("99.96", "≥100")).toBe(false);
    // The checker itself catches "1.00 ✘ against ≥ 1.00".
    const { judged } = judgedNumbers("t", `<tr><td data-against="≥1">1.00</td><td><span class="mark mark-no">✘</span></td></tr>`);
    expect(judged.map((j) => shownMeets(j.shown, j.against) === (j.mark === "✔"))).toEqual([false]);
  });

  it("holds on every built page", () => {
    const disagree: string[] = [];
    const unlabelled: string[] = [];
    let count = 0;
    for (const { file, urlPath } of builtPages()) {
      const found = judgedNumbers(urlPath, readFileSync(file, "utf8"));
      unlabelled.push(...found.unlabelled);
      for (const j of found.judged) {
        const meets = shownMeets(j.shown, j.against);
        if (meets === null) continue;
        count++;
        if (meets !== (j.mark === "✔")) disagree.push(`${j.page}: ${j.shown} ${j.mark} against ${j.against}`);
      }
    }
    expect(unlabelled).toEqual([]);
    expect(disagree).toEqual([]);
    // Every scorecard's seven indicators and trend rows at least: the check really ran.
    expect(count).toBeGreaterThan(1000);
  });
});
