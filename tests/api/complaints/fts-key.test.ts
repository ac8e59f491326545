/**
 * The word search's FTS key (migration 0017, issue 19): year × 10^9 + the reference's number,
 * every digit kept. Three cases whose keys collided under the old key (year × 100000 +
 * number: TS2026-100042 had the key of TS2027-00042), each filed through the real route with
 * the reference counter set just before it: each is found by its own words and by no one
 * else's, after its text changes too, and is gone from the index once deleted. The migration's
 * rebuild of the index from the cases (its backfill) finds them all again.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { useTempDb } from "../../fixtures/temp-db";
import { buildStaffApp, get, insertUser, signInFully } from "../../fixtures/staff";
import { fixedClock } from "../../fixtures/test-app";
import { fileComplaint } from "../../fixtures/complaints";

/** Each case's own words (three characters and more, so the FTS5 trigram index answers). */
const CASES = [
  { reference: "TS2026-00042", year: 2026, last: 41, at: "2026-09-01T02:00:00.000Z", words: "校服采购费" },
  { reference: "TS2026-100042", year: 2026, last: 100041, at: "2026-09-02T02:00:00.000Z", words: "周末补课班" },
  { reference: "TS2027-00042", year: 2027, last: 41, at: "2027-01-05T02:00:00.000Z", words: "午餐管理费" },
] as const;

const MIGRATIONS = path.resolve(import.meta.dirname, "../../../db/migrations");

describe("the FTS key keeps every digit of a reference", () => {
  const tempDb = useTempDb();
  let env: ReturnType<typeof buildStaffApp>;
  let clock: ReturnType<typeof fixedClock>;
  let triage: string;

  beforeEach(async () => {
    clock = fixedClock(CASES[0].at);
    env = buildStaffApp(tempDb(), { clock });
    for (const c of CASES) {
      clock.set(c.at);
      await tempDb().client.execute({
        sql: "INSERT INTO reference_counters (prefix, year, last) VALUES ('TS', ?, ?) ON CONFLICT DO UPDATE SET last = excluded.last",
        args: [c.year, c.last],
      });
      const { reference } = await fileComplaint(env.app, { whatHappened: `家长反映：学校收取${c.words}，没有收据。` });
      expect(reference).toBe(c.reference);
    }
    triage = await signInFully(env.app, await insertUser(tempDb().db, { role: "complaint_intake" }), clock.now());
  }, 60_000);

  async function found(q: string): Promise<string[]> {
    const res = await get(env.app, `/api/staff/complaints?${new URLSearchParams({ q })}`, triage);
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { complaints: { reference: string }[] }).complaints.map((c) => c.reference).sort();
  }
  const everyone = async () => Promise.all(CASES.map(async (c) => ({ words: c.words, found: await found(c.words) })));
  const ownOnly = CASES.map((c) => ({ words: c.words, found: [c.reference] }));

  it("finds each case by its own words and by no other case's", async () => {
    expect(await everyone()).toEqual(ownOnly);
    // Words all three share: every case, each once.
    expect(await found("没有收据")).toEqual(CASES.map((c) => c.reference).sort());
  });

  it("follows a text change and a deletion to the right case", async () => {
    await tempDb().client.execute({ sql: "UPDATE complaints SET what_happened = ? WHERE reference = ?", args: ["家长反映：学校收取住宿管理费，没有收据。", "TS2026-100042"] });
    expect(await found("周末补课班")).toEqual([]);
    expect(await found("住宿管理费")).toEqual(["TS2026-100042"]);
    expect(await found("午餐管理费")).toEqual(["TS2027-00042"]);
    // As the retention purge deletes a case: its history first.
    await tempDb().client.execute({ sql: "DELETE FROM complaint_events WHERE complaint_id IN (SELECT id FROM complaints WHERE reference = ?)", args: ["TS2027-00042"] });
    await tempDb().client.execute({ sql: "DELETE FROM complaints WHERE reference = ?", args: ["TS2027-00042"] });
    expect(await found("午餐管理费")).toEqual([]);
    expect(await found("住宿管理费")).toEqual(["TS2026-100042"]);
    expect(await found("校服采购费")).toEqual(["TS2026-00042"]);
  });

  it("rebuilds the index from the cases as the migration does (its backfill)", async () => {
    const file = readdirSync(MIGRATIONS).find((name) => name.endsWith("_queue1m_fts_key.sql"))!;
    const statements = readFileSync(path.join(MIGRATIONS, file), "utf8").split("--> statement-breakpoint");
    // Its FTS part: from dropping the old triggers to the backfill from the cases.
    const first = statements.findIndex((s) => s.includes("DROP TRIGGER `complaints_fts_insert`"));
    const last = statements.findIndex((s) => s.includes("INSERT INTO `complaints_fts` (rowid, `body`)\n  SELECT"));
    const rebuild = statements.slice(first, last + 1);
    expect(rebuild.length).toBe(9);
    await tempDb().client.execute("DELETE FROM complaints_fts");
    expect(await found("校服采购费")).toEqual([]);
    for (const statement of rebuild) await tempDb().client.execute(statement);
    expect(await everyone()).toEqual(ownOnly);
  });
});
