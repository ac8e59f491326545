// Group commit on a real libSQL file (functions/platform/group-commit.ts, issue 21): batches and
// plain writes waiting together commit in one transaction, in arrival order, each in its own
// savepoint; a failing member is undone alone and only its caller is told; a failed COMMIT
// fails every member and stores nothing; a group stays within its bounds. The last tests go
// through the Node entry's client (openNodeLibsqlClient), as the app does.
import { rmSync } from "node:fs";
import path from "node:path";
import { createClient, LibsqlBatchError, LibsqlError, type Client, type InStatement, type Transaction } from "@libsql/client";
import { Mutex } from "async-mutex";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql/web";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { groupCommitter } from "../../functions/platform/group-commit";
import { openNodeLibsqlClient } from "../../functions/platform/node-libsql-client";
import { NestedDatabaseUseError } from "../../functions/platform/serialized-client";
import { tempDir } from "../fixtures/temp-db";

const CREATE = [
  "PRAGMA journal_mode = WAL",
  "create table counters (id text primary key, value integer not null)",
  "create table entries (id integer primary key, label text not null)",
  "create table claims (key text primary key, token text not null)",
  "insert into counters (id, value) values ('c', 0)",
];

const rows = async (client: Client, query: string) => (await client.execute(query)).rows.map((r) => ({ ...r }));
const labels = async (client: Client) => (await client.execute("select label from entries order by id")).rows.map((r) => r.label as string);

describe("group commit", () => {
  let dir: string;
  let url: string;
  const opened: Client[] = [];

  beforeEach(() => {
    dir = tempDir();
    url = `file:${path.join(dir, "group.db")}`;
  });
  afterEach(() => {
    opened.splice(0).forEach((c) => c.close());
    rmSync(dir, { recursive: true, force: true });
  });

  async function raw(): Promise<Client> {
    const client = createClient({ url });
    opened.push(client);
    for (const statement of CREATE) await client.execute(statement);
    return client;
  }

  /** Batch i bumps the counter and records, in SQL, the value it took. */
  const take = (i: number): InStatement[] => [
    "update counters set value = value + 1 where id = 'c'",
    { sql: "insert into entries (label) select ? || ':' || value from counters where id = 'c'", args: [String(i)] },
  ];

  it("commits the batches that wait together in one transaction, in arrival order, each seeing the earlier ones' writes", async () => {
    const client = await raw();
    const group = groupCommitter(client, new Mutex());
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => group.batch(take(i))));
    // Never interleaved: batch i's second statement saw exactly its own bump on top of the i before it.
    expect(await labels(client)).toEqual(Array.from({ length: 40 }, (_, i) => `${i}:${i + 1}`));
    expect(results.every((r) => r.length === 2 && r[0]!.rowsAffected === 1 && r[1]!.rowsAffected === 1)).toBe(true);
    // They did wait together: one flush for all forty (the first turn of the event loop gathers them).
    expect(group.stats).toEqual({ groups: 1, members: 40, largest: 40 });
  });

  it("lets a conditional batch see an earlier member's claim of the same key, so only the first one writes", async () => {
    const client = await raw();
    const group = groupCommitter(client, new Mutex());
    const claim = (key: string, token: string): InStatement[] => [
      { sql: "insert into claims (key, token) values (?, ?) on conflict do nothing", args: [key, token] },
      { sql: "insert into entries (label) select ? where exists (select 1 from claims where key = ? and token = ?)", args: [token, key, token] },
      { sql: "select token from claims where key = ?", args: [key] },
    ];
    const results = await Promise.all(["a", "b", "a", "c", "b", "a"].map((key, i) => group.batch(claim(key, `${key}${i}`))));
    expect(await labels(client)).toEqual(["a0", "b1", "c3"]);
    // Each replay read back the first request's token, as a submission's idempotency replay does.
    expect(results.map((r) => r[2]!.rows[0]!.token)).toEqual(["a0", "b1", "a0", "c3", "b1", "a0"]);
    expect(group.stats.largest).toBe(6);
  });

  it("undoes a failing batch alone: the others commit and answer, and only its caller gets its error", async () => {
    const client = await raw();
    await client.execute("insert into entries (id, label) values (1000, 'taken')");
    const group = groupCommitter(client, new Mutex());
    const failing: InStatement[] = ["update counters set value = 999 where id = 'c'", "insert into entries (id, label) values (1000, 'duplicate')"];
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => group.batch(i === 4 ? failing : take(i))));
    expect(group.stats.largest).toBe(10);
    const rejected = outcomes.flatMap((o, i) => (o.status === "rejected" ? [{ i, error: o.reason }] : []));
    expect(rejected.map((r) => r.i)).toEqual([4]);
    // The same error a batch of its own throws: which statement failed, and SQLite's code.
    expect(rejected[0]!.error).toBeInstanceOf(LibsqlBatchError);
    expect(rejected[0]!.error).toMatchObject({ statementIndex: 1, code: expect.stringMatching(/^SQLITE_CONSTRAINT/) });
    // Its first statement (counter = 999) was undone; the nine others took 1..9 in order.
    expect(await rows(client, "select value from counters")).toEqual([{ value: 9 }]);
    expect((await labels(client)).slice(1)).toEqual(["0:1", "1:2", "2:3", "3:4", "5:5", "6:6", "7:7", "8:8", "9:9"]);
  });

  it("gives a failing plain write its own LibsqlError (not a batch error) while the writes beside it commit", async () => {
    const client = await raw();
    const group = groupCommitter(client, new Mutex());
    const outcomes = await Promise.allSettled([
      group.write({ sql: "insert into entries (id, label) values (1, 'first')", args: [] }),
      group.write({ sql: "insert into entries (id, label) values (1, 'again')", args: [] }),
      group.write({ sql: "insert into entries (id, label) values (2, 'second') returning id", args: [] }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const error = (outcomes[1] as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(LibsqlError);
    expect(error).not.toBeInstanceOf(LibsqlBatchError);
    expect((outcomes[2] as PromiseFulfilledResult<{ rows: unknown[] }>).value.rows.map((r) => ({ ...(r as object) }))).toEqual([{ id: 2 }]);
    expect(await labels(client)).toEqual(["first", "second"]);
  });

  it("fails every member when the COMMIT fails, stores none of their writes, and commits the next group", async () => {
    const client = await raw();
    const commitFails = { on: true };
    // The COMMIT fails as a full disk makes it fail: the transaction is rolled back and libSQL throws.
    const faulty = new Proxy(client, {
      get(target, prop, receiver) {
        if (prop !== "transaction") return Reflect.get(target, prop, receiver);
        return async (mode: "write") => {
          const tx = await target.transaction(mode);
          return new Proxy(tx, {
            get(t, p, r) {
              if (p === "commit" && commitFails.on)
                return async () => {
                  await t.rollback();
                  throw new LibsqlError("database or disk is full", "SQLITE_FULL", "SQLITE_FULL", 13);
                };
              const value = Reflect.get(t, p, r);
              return typeof value === "function" ? value.bind(t) : value;
            },
          }) as Transaction;
        };
      },
    });
    const group = groupCommitter(faulty, new Mutex());
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => group.batch(take(i))));
    expect(outcomes.map((o) => o.status)).toEqual(Array(6).fill("rejected"));
    expect(outcomes.map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(Array(6).fill("SQLITE_FULL"));
    expect(await labels(client)).toEqual([]);
    expect(await rows(client, "select value from counters")).toEqual([{ value: 0 }]);
    commitFails.on = false;
    await Promise.all([group.batch(take(0)), group.batch(take(1))]);
    expect(await labels(client)).toEqual(["0:1", "1:2"]);
  });

  it("fails every member, storing nothing, when a member ends the group's transaction itself", async () => {
    const client = await raw();
    const group = groupCommitter(client, new Mutex());
    // A batch of several statements (undone by its savepoint) and a single statement (no savepoint) that end it.
    for (const ender of [["select 1", "rollback"], ["rollback"]]) {
      const outcomes = await Promise.allSettled([group.batch(take(0)), group.batch(ender), group.batch(take(2)), group.write({ sql: "insert into entries (label) values ('after')", args: [] })]);
      expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected", "rejected"]);
      // Nothing ran on outside the group's transaction: no later member autocommitted.
      expect(await labels(client)).toEqual([]);
    }
    await group.batch(take(3));
    expect(await labels(client)).toEqual(["3:1"]);
  });

  it("bounds a group by its member count and by its bytes, serving every member", async () => {
    const client = await raw();
    const byCount = groupCommitter(client, new Mutex(), { members: 5, bytes: 1 << 20 });
    await Promise.all(Array.from({ length: 23 }, (_, i) => byCount.batch(take(i))));
    expect(byCount.stats).toEqual({ groups: 5, members: 23, largest: 5 });
    const byBytes = groupCommitter(client, new Mutex(), { members: 64, bytes: 300 });
    const padded = (i: number): InStatement[] => [{ sql: "insert into entries (label) values (?)", args: [`${i}:${"x".repeat(200)}`] }];
    await Promise.all(Array.from({ length: 4 }, (_, i) => byBytes.batch(padded(i))));
    expect(byBytes.stats).toEqual({ groups: 4, members: 4, largest: 1 });
    expect(await labels(client)).toHaveLength(27);
  });

  it("waits behind an open transaction, gathering what arrives meanwhile into one group after it", async () => {
    const client = await raw();
    const mutex = new Mutex();
    const group = groupCommitter(client, mutex);
    const release = await mutex.acquire();
    const waiting = Array.from({ length: 8 }, (_, i) => group.batch(take(i)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Nothing committed while the lock was held.
    expect(await labels(client)).toEqual([]);
    release();
    await Promise.all(waiting);
    expect(group.stats).toEqual({ groups: 1, members: 8, largest: 8 });
  });

  describe("through the Node entry's client", () => {
    it("groups drizzle batches and counting upserts, each getting its own RETURNING row", async () => {
      const client = await openNodeLibsqlClient(url);
      opened.push(client);
      for (const statement of CREATE.slice(1)) await client.execute(statement);
      const db = drizzle(client);
      // As the rate limit counts: one upsert per request, each returning the count it booked.
      const counts = await Promise.all(
        Array.from({ length: 30 }, () => db.all<{ value: number }>(sql`insert into counters (id, value) values ('hits', 1) on conflict (id) do update set value = value + 1 returning value`)),
      );
      expect(counts.map((r) => Number(r[0]!.value)).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      const batches = await Promise.all(Array.from({ length: 20 }, (_, i) => db.batch([db.run(sql`insert into entries (label) values (${`b${i}`})`), db.all(sql`select count(*) as n from entries`)])));
      // In arrival order, each batch read the count its own insert made.
      expect(batches.map((r) => Number((r[1] as { n: number }[])[0]!.n))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it("still refuses a batch through the outer client inside that context's own transaction", async () => {
      const client = await openNodeLibsqlClient(url);
      opened.push(client);
      for (const statement of CREATE.slice(1)) await client.execute(statement);
      const db = drizzle(client);
      const misuse = db.transaction(async () => {
        await db.batch([db.run(sql`insert into entries (label) values ('nested')`)]);
      });
      await expect(misuse).rejects.toSatisfy((error: Error) => (error.cause ?? error) instanceof NestedDatabaseUseError);
      expect(await db.all(sql`select * from entries`)).toEqual([]);
    });
  });
});
