/**
 * `npm run bench:build [-- --sections 5000]`: does the build stay linear in the number of
 * schools? Generates a district of N school sections × 3 years (the demo generator, fixed
 * seed) into a temp folder, builds the real site against it (CONTENT_ROOT), then builds a
 * bare Astro project with the same number of empty pages, and prints both times and their
 * ratio. Prints figures only: nothing here fails on time (tests never do). Output goes to
 * .bench-out/ (removed afterwards unless BENCH_KEEP=1).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { readDistrict } from "../src/content-data/district";
import { SchoolRow, type School } from "../src/domain/district/school";
import { LOCATION_TYPES } from "../src/domain/district/vocabulary";
import { DEMO_SEED, DEMO_YEARS, districtYaml, generateSectionYears, sectionYearsCsv } from "./balance-demo-data";

const arg = process.argv.indexOf("--sections");
const target = arg > 0 ? Number(process.argv[arg + 1]) : 5000;
const project = process.cwd();
const work = mkdtempSync(path.join(tmpdir(), "balance-bench-"));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" };

function countHtml(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countHtml(path.join(dir, e.name));
    else if (e.name.endsWith(".html")) n += 1;
  }
  return n;
}

function timed(label: string, cmd: string, args: string[], extraEnv: Record<string, string> = {}): number {
  const start = performance.now();
  const run = spawnSync(cmd, args, { cwd: project, env: { ...env, ...extraEnv }, encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`${label} failed:\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`);
  console.log(`${label}: ${seconds.toFixed(1)} s`);
  return seconds;
}

try {
  // 1. A district of `target` sections: the demo registry plus generated schools.
  const { site, schools } = await readDistrict(project);
  const all: School[] = [...schools];
  let sections = schools.reduce((n, s) => n + (s.sections === "primary+junior" ? 2 : 1), 0);
  for (let i = 0; sections < target; i++) {
    const nineYear = i % 10 === 0 && sections + 2 <= target;
    const area = site.areas[i % site.areas.length]!;
    all.push(
      SchoolRow.parse({
        id: `bench-${String(i).padStart(5, "0")}`,
        name: `演示学校${i}号`,
        sections: nineYear ? "primary+junior" : i % 3 === 0 ? "junior" : "primary",
        township: area.id,
        location_type: LOCATION_TYPES[i % LOCATION_TYPES.length],
        teaching_point: "no",
        special_education: "no",
        campus_group: "",
        address: `${area.name}演示路 ${i} 号`,
      }),
    );
    sections += nineYear ? 2 : 1;
  }
  mkdirSync(path.join(work, "content/schools"), { recursive: true });
  mkdirSync(path.join(work, "content/district"), { recursive: true });
  // Everything but the schools comes from the real content: site, policy, departments.
  for (const part of ["site.yaml", "policy", "departments"]) {
    cpSync(path.join(project, "content", part), path.join(work, "content", part), { recursive: true });
  }
  const columns = Object.keys(SchoolRow.shape);
  const registry = all.map((s) => ({ ...s, teaching_point: s.teaching_point ? "yes" : "no", special_education: s.special_education ? "yes" : "no", campus_group: s.campus_group ?? "" }));
  writeFileSync(path.join(work, "content/schools/schools.csv"), stringify(registry, { header: true, columns }));
  const rows = generateSectionYears(all, DEMO_YEARS, DEMO_SEED);
  const groups = [...new Set(all.map((s) => s.campus_group).filter((g): g is string => g !== null))];
  for (const [t, year] of DEMO_YEARS.entries()) {
    writeFileSync(path.join(work, `content/schools/${year}.csv`), sectionYearsCsv(rows.get(year)!));
    writeFileSync(path.join(work, `content/district/${year}.yaml`), districtYaml(year, t, groups));
  }
  console.log(`Generated ${all.length} schools, ${sections} sections × ${DEMO_YEARS.length} years in ${work}`);

  // 2. The real site against that district.
  // Build output must sit inside the project: the prerender bundle resolves packages from node_modules.
  const out = path.join(project, ".bench-out");
  rmSync(out, { recursive: true, force: true });
  const siteOut = path.join(out, "site-dist");
  const siteTime = timed("Site build (astro build)", "npx", ["astro", "build", "--config", "scripts/bench/astro.bench.config.mjs"], { CONTENT_ROOT: work, BENCH_OUT_DIR: siteOut });
  const pages = countHtml(path.join(siteOut, "client"));
  const indexTime = timed("Search index (pagefind)", "npx", ["pagefind", "--site", path.join(siteOut, "client")]);

  // 3. A bare Astro project (inside the repo, so it resolves the same astro) with as many empty pages.
  const bare = path.join(project, ".bench-bare");
  rmSync(bare, { recursive: true, force: true });
  mkdirSync(path.join(bare, "src/pages"), { recursive: true });
  writeFileSync(path.join(bare, "astro.config.mjs"), `export default { outDir: ${JSON.stringify(path.join(out, "bare-dist"))}, build: { format: "directory" } };\n`);
  writeFileSync(
    path.join(bare, "src/pages/[n].astro"),
    `---\nexport function getStaticPaths() { return Array.from({ length: ${pages} }, (_, n) => ({ params: { n: String(n) } })); }\n---\n<html lang="zh-CN"><head><title>{Astro.params.n}</title></head><body></body></html>\n`,
  );
  let bareTime: number;
  try {
    bareTime = timed(`Bare Astro build (${pages} empty pages)`, "npx", ["astro", "build", "--root", bare]);
  } finally {
    rmSync(bare, { recursive: true, force: true });
  }

  console.log("");
  console.log(`Sections: ${sections}; HTML pages built: ${pages}`);
  console.log(`Site build: ${siteTime.toFixed(1)} s (${((siteTime * 1000) / pages).toFixed(1)} ms per page); Pagefind: ${indexTime.toFixed(1)} s`);
  console.log(`Bare build: ${bareTime.toFixed(1)} s (${((bareTime * 1000) / pages).toFixed(1)} ms per page)`);
  console.log(`Ratio site ÷ bare: ${(siteTime / bareTime).toFixed(2)}`);
} finally {
  if (!process.env.BENCH_KEEP) {
    rmSync(work, { recursive: true, force: true });
    rmSync(path.join(project, ".bench-out"), { recursive: true, force: true });
  }
}
