/**
 * The built departments and commitments pages say what the content says: overdue
 * commitments are flagged in words, progress bars state their number in text, each filtered
 * view lists only what it filters, and the home page shows unopened services without a link.
 */
import { describe, expect, it } from "vitest";
import { readBuilt, textOf } from "./built-site";

/** The text of the commitment article with this id on a built page. */
function commitmentText(urlPath: string, id: string): string {
  const html = readBuilt(urlPath);
  const start = html.indexOf(`id="commitment-${id}"`);
  expect(start, `${id} on ${urlPath}`).toBeGreaterThan(0);
  return textOf(html.slice(start, html.indexOf("</article>", start)));
}

describe("the commitments as published", () => {
  it("flag a commitment past its deadline in words, and not one that is done", () => {
    expect(commitmentText("/commitments/", "campus-groups")).toContain("已逾期");
    expect(commitmentText("/commitments/", "campus-groups")).toContain("状态：滞后");
    expect(commitmentText("/commitments/", "multimedia-classrooms")).not.toContain("已逾期");
  });

  it("show a department's timeline with dates, values and evidence links", () => {
    const text = commitmentText("/departments/jiaoyu-ju/", "multimedia-classrooms");
    // The figure is the computed one from the year's JSON (issue 17), never a hand-typed 83%.
    const data = JSON.parse(readBuilt("/data/balance-2025.json")) as { targets: { id: string; value: number }[] };
    const multimedia = data.targets.find((t) => t.id === "multimedia")!.value;
    expect(text).toMatch(new RegExp(`2025年12月20日\\s*进度100%：全区${String(multimedia).replace(".", "\\.")}%的班级实现多媒体进教室`));
    expect(text).not.toContain("83%");
    expect(readBuilt("/departments/jiaoyu-ju/")).toContain('<a href="/policy/2/#clause-2-3">');
  });

  it("state every progress bar's figure in text", () => {
    const html = readBuilt("/departments/");
    const bars = [...html.matchAll(/<progress[^>]*value="(\d+)"[^>]*>[\s\S]*?<span class="progress-figure"[^>]*>总体进度：(\d+)%/g)];
    expect(bars.length).toBeGreaterThanOrEqual(8);
    for (const [, value, figure] of bars) expect(figure).toBe(value);
  });

  it("filter by status on a page of its own", () => {
    const text = textOf(readBuilt("/commitments/status/done/").replace(/<nav[\s\S]*?<\/nav>/g, ""));
    expect(text).toContain("八成班级实现“多媒体进教室”");
    expect(text).not.toContain("状态：推进中");
  });
});

describe("the home page", () => {
  it("links to every section and service, with nothing left marked 即将开通", () => {
    const html = readBuilt("/");
    for (const href of ["/policy/", "/departments/", "/schools/", "/balance/", "/data/", "/enrol/", "/complain/", "/track/"]) expect(html).toContain(`href="${href}"`);
    expect(html).not.toContain('class="soon"');
  });
});
