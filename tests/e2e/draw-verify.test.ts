/**
 * The published results in Chromium. A published grade-7 run is written straight into the
 * server's database (the calendar lets no official draw happen today, 2026-12-03, through the
 * console). Then: /enrol/results/ with JavaScript off shows the table, the seed and the one
 * file to download; /enrol/results/verify/ re-runs exactly that served file in the browser
 * with the domain's own code (the allocation, then its 统筹安排 placement from the offers it
 * recomputed) and says "与公布结果一致"; a copy picked from disk with a tampered offer or a
 * tampered placement shows its first difference. At 320 px, axe on each page.
 */
import { createClient } from "@libsql/client";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { allocate, toPublished } from "../../src/domain/enrolment/allocation";
import { outcomeDigest, seedFromReveals } from "../../src/domain/enrolment/draw/commit-reveal";
import { placeUnplaced } from "../../src/domain/enrolment/draw/placement";
import { placementRecordOf } from "../../src/domain/enrolment/draw/placement-record";
import { axeViolations, baseUrl, noBrowser, useBrowser } from "./page";

const dir = mkdtempSync(path.join(tmpdir(), "draw-verify-e2e-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seed = seedFromReveals([1, 2, 3].map((position) => ({ position, contribution: `e2e-witness-${position}-secret` })));

async function insertPublishedRun(): Promise<void> {
  const programs = [
    { id: "wenchang-zhongxue-junior", label: "文昌中学", seats: 2 },
    { id: "diyi-zhongxue-junior", label: "第一中学", seats: 1 },
  ];
  const applicants = ["E1", "E2", "E3", "E4"].map((id, i) => ({ id: `A${id}`, points: i % 2, choices: [{ program: programs[i % 2]!.id, tier: "other" as const }, { program: programs[(i + 1) % 2]!.id, tier: "other" as const }] }));
  const result = allocate({ seed, programs, applicants });
  // Three seats for four: the one left unplaced goes through 统筹安排 (no seat left: ring "none").
  const placementPrograms = programs.map((p) => ({ ...p, areaId: "qingxi" }));
  const children = result.applicants.filter((a) => a.offer === null).map((a) => ({ id: a.id, lottery: a.lottery, areaId: "qingxi", catchment: ["diyi-zhongxue-junior"] }));
  const placed = placeUnplaced({ programs: placementPrograms, offered: result.applicants.flatMap((a) => (a.offer ? [a.offer] : [])), children });
  const placement = placementRecordOf(placementPrograms, children, placed);
  const client = createClient({ url: inject("databaseUrl") });
  try {
    const at = new Date().toISOString();
    await client.execute({
      sql: "insert into allocation_runs (id, intake_id, grade, seed, state, result, published, applicant_ids, created_by, created_at, published_at, round, outcome_digest, placement) values (?, '2026', '7', ?, 'published', ?, ?, '{}', 'e2e', ?, ?, 1, ?, ?)",
      args: [crypto.randomUUID(), seed, JSON.stringify(result), JSON.stringify(toPublished(result)), at, at, outcomeDigest(result.applicants), JSON.stringify(placement)],
    });
  } finally {
    client.close();
  }
}

describe.skipIf(noBrowser)("published results and the browser verifier", () => {
  const browser = useBrowser();

  it("shows the results without JavaScript and re-runs the served file in the browser", async () => {
    await insertPublishedRun();
    const first = await browser.page(320);
    const chromium = first.context().browser()!;
    const noJs = await chromium.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 }, locale: "zh-CN" });
    const p = await noJs.newPage();
    const response = await p.goto(`${baseUrl}/enrol/results/`);
    expect(response?.status()).toBe(200);
    const main = (await p.locator("main").textContent()) ?? "";
    expect(main).toContain("初中七年级第一轮");
    expect(main).toContain(seed);
    expect(main).not.toContain("正在载入");
    expect(await p.locator('a[href="/api/enrol/results"]').count()).toBe(1);
    expect(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await noJs.close();

    const page = await browser.page(320);
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    await page.goto(`${baseUrl}/enrol/results/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/enrol/results/verify/`);
    await page.click("#verify-served");
    await page.locator('#verify-output[data-result="match"]', { hasText: "与公布结果一致。" }).waitFor();
    expect(await page.locator("#verify-output").textContent()).toContain("7年级第一轮：与公布结果一致（4名申请人、2个学位项目、1名统筹安排的孩子全部重新计算）");
    expect(await axeViolations(page)).toEqual([]);

    const served = (await (await fetch(`${baseUrl}/api/enrol/results`)).json()) as { grades: { grade: string; allocation: { applicants: { offer: string | null }[] } }[] };
    const mine = served.grades.find((g) => g.grade === "7")!;
    mine.allocation.applicants[0]!.offer = mine.allocation.applicants[0]!.offer === null ? "diyi-zhongxue-junior" : null;
    const file = path.join(dir, "results.json");
    writeFileSync(file, JSON.stringify(served));
    await page.setInputFiles("#verify-file", file);
    await page.locator('#verify-output[data-result="mismatch"]').waitFor();
    expect(await page.locator("#verify-output").textContent()).toMatch(/与公布结果不一致.*第一处：申请AE1：公布的录取/);

    // A placement moved by hand: the browser re-runs 统筹安排 and names it.
    const again = (await (await fetch(`${baseUrl}/api/enrol/results`)).json()) as { grades: { grade: string; placement: { placements: { applicant: string; program: string | null; ring: string }[] } }[] };
    const moved = again.grades.find((g) => g.grade === "7")!.placement.placements[0]!;
    Object.assign(moved, { program: "diyi-zhongxue-junior", ring: "catchment" });
    writeFileSync(file, JSON.stringify(again));
    await page.setInputFiles("#verify-file", []);
    await page.setInputFiles("#verify-file", file);
    await page.locator('#verify-output[data-result="mismatch"]', { hasText: "统筹安排" }).waitFor();
    expect(await page.locator("#verify-output").textContent()).toContain(`第一处：统筹安排：申请${moved.applicant}公布为diyi-zhongxue-junior（施教区），重新计算为未安排（无空余学位）`);
    expect(problems).toEqual([]);
  }, 120_000);
});
