/**
 * Group commit survives SIGKILL (issue 21): a real child process files complaints from many
 * concurrent submitters on a real libSQL file, so their batches and rate-limit counts commit
 * in groups (functions/platform/group-commit.ts), and is killed while groups are still being
 * written. Afterwards every complaint it answered 2xx is in the database, with the answer's
 * reference, and nothing is half-written: each stored case has its one submit event and
 * audit row, named ones their outbox message, no idempotency key is left holding a pending
 * token, and the reference counter stands at the last reference handed out.
 */
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { runUntilThenKill } from "../../fixtures/kill-child";
import { useTempDb } from "../../fixtures/temp-db";
import { testSecrets } from "../../fixtures/test-app";

describe("group commit killed with SIGKILL", () => {
  const tempDb = useTempDb();

  it("keeps every complaint answered 2xx before the kill, and leaves nothing half-written", async () => {
    const { output } = await runUntilThenKill("tests/fixtures/submit-many-child.ts", { ...testSecrets(), LIBSQL_URL: tempDb().url, TEST_DIR: tempDb().dir }, /(enough)/);
    const answers = [...output.matchAll(/^answered (\d+) (\d+) (\S+)$/gm)].map(([, n, status, reference]) => ({ n: Number(n), status: Number(status), reference: reference! }));
    expect(answers.length, output.slice(-2000)).toBeGreaterThanOrEqual(40);
    expect(answers.filter((a) => a.status >= 300), output.slice(-2000)).toEqual([]);

    const { db } = tempDb();
    const all = <T>(query: ReturnType<typeof sql>) => db.all<T>(query);
    const stored = new Set((await all<{ reference: string }>(sql`select reference from complaints`)).map((r) => r.reference));
    // Every acknowledged submission is there, under the reference it was answered with (a replay's is its first request's).
    expect(answers.filter((a) => !stored.has(a.reference))).toEqual([]);

    // Nothing half-written: each case whole, no claim left pending, the counter at the last reference.
    const cases = await all<{ reference: string; events: number; audits: number; named: number; messages: number }>(sql`
      select c.reference,
        (select count(*) from complaint_events e where e.complaint_id = c.id and e.kind = 'submit') as events,
        (select count(*) from audit_log a where a.object_id in (c.id, c.reference) and a.action = 'complaints.submit') as audits,
        (c.contact_mode = 'named') as named,
        (select count(*) from outbox_messages m where m.about_id = c.id) as messages
      from complaints c`);
    expect(cases.length).toBeGreaterThanOrEqual(new Set(answers.map((a) => a.reference)).size);
    expect(cases.filter((c) => Number(c.events) !== 1 || Number(c.audits) !== 1 || Number(c.messages) !== Number(c.named))).toEqual([]);
    expect(await all(sql`select key from idempotency_keys where result_json like 'pending:%'`)).toEqual([]);
    const [counter] = await all<{ last: number }>(sql`select last from reference_counters where prefix = 'TS'`);
    expect(Number(counter!.last)).toBe(cases.length);
  }, 60_000);
});
