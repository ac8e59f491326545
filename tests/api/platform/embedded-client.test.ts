/**
 * The one-connection embedded client (functions/platform/embedded-client.ts) answers exactly as
 * `@libsql/client`'s own local client does: the same script runs on both, each on its own file,
 * and every result (columns, types, rows by index and by name, counts, row ids) and every error
 * (class, code, extended code, raw code, a batch's statement index) must be equal. Then what
 * the statement cache could get wrong: a statement reused after it failed, a schema change
 * under a cached statement, more distinct statements than the cache holds.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { createClient, LibsqlBatchError, LibsqlError, type Client } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { openEmbeddedClient, STATEMENT_CACHE_SIZE } from "../../../functions/platform/embedded-client";
import { tempDir } from "../../fixtures/temp-db";

const dirs: string[] = [];
const clients: Client[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileUrl(): string {
  const dir = tempDir("embedded-client-");
  dirs.push(dir);
  return `file:${path.join(dir, "t.db")}`;
}

function open(kind: "library" | "embedded"): Client {
  const url = fileUrl();
  const client = kind === "library" ? createClient({ url }) : openEmbeddedClient(url, 5000);
  clients.push(client);
  return client;
}

/** What a call gave: its results as JSON plus each row's values by index and by name, or its error's shape. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    const value = await run();
    const sets = (Array.isArray(value) ? value : [value]) as Array<{ toJSON(): unknown; rows: ArrayLike<unknown>[] } | undefined>;
    return sets.map((set) =>
      set === undefined ? null : { json: set.toJSON(), byIndex: set.rows.map((row) => Array.from(row)), byName: set.rows.map((row) => ({ ...row })) },
    );
  } catch (error) {
    const e = error as LibsqlError & { statementIndex?: number };
    return {
      error: e.constructor.name,
      code: e.code,
      extendedCode: e.extendedCode,
      rawCode: e.rawCode,
      index: error instanceof LibsqlBatchError ? e.statementIndex : undefined,
      libsql: error instanceof LibsqlError,
    };
  }
}

async function script(client: Client): Promise<unknown[]> {
  const steps: Array<() => Promise<unknown>> = [
    () => client.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, score REAL, data BLOB, big INTEGER)"),
    () => client.execute({ sql: "INSERT INTO t (name, score, data, big) VALUES (?, ?, ?, ?)", args: ["甲", 1.5, new Uint8Array([1, 2, 3]).buffer, 42] }),
    () => client.execute({ sql: "INSERT INTO t (name, score, big) VALUES (:name, :score, :big)", args: { name: "乙", score: null, big: 7n } }),
    () => client.execute({ sql: "INSERT INTO t (name, score) VALUES (?, ?)", args: ["丙", true] }),
    // A cached INSERT that fails on the unique name, then runs again and succeeds.
    () => client.execute({ sql: "INSERT INTO t (name, score) VALUES (?, ?)", args: ["甲", 2] }),
    () => client.execute({ sql: "INSERT INTO t (name, score) VALUES (?, ?)", args: ["丁", 2] }),
    () => client.execute("SELECT id, name, score, data, big, name AS id, 1 + 1 AS two FROM t ORDER BY id"),
    () => client.execute({ sql: "INSERT INTO t (name) VALUES (?) RETURNING id, name", args: ["戊"] }),
    () => client.execute({ sql: "UPDATE t SET score = score + 1 WHERE score IS NOT NULL", args: [] }),
    () => client.execute("SELECT count(*) AS n, sum(score) AS s FROM t"),
    () => client.execute("SELECT nonexistent FROM t"),
    () => client.execute({ sql: "SELECT ?", args: [Number.NaN] }),
    () => client.execute({ sql: "INSERT INTO t (big) VALUES (?)", args: [9007199254740993n] }),
    () => client.execute("SELECT big FROM t WHERE big > 9007199254740991"),
    () => client.execute("DELETE FROM t WHERE big > 9007199254740991"),
    // A batch whose third statement fails: nothing of it stays, and its index is reported.
    () =>
      client.batch(
        [
          { sql: "INSERT INTO t (name) VALUES (?)", args: ["己"] },
          "UPDATE t SET score = 0",
          { sql: "INSERT INTO t (name) VALUES (?)", args: ["甲"] },
        ],
        "write",
      ),
    () => client.execute("SELECT name, score FROM t ORDER BY id"),
    () => client.batch([{ sql: "INSERT INTO t (name) VALUES (?)", args: ["己"] }, "SELECT count(*) AS n FROM t"], "write"),
    // A schema change under a cached SELECT *.
    () => client.execute("SELECT * FROM t ORDER BY id"),
    () => client.execute("ALTER TABLE t ADD COLUMN extra TEXT DEFAULT 'x'"),
    () => client.execute("SELECT * FROM t ORDER BY id"),
    () => client.executeMultiple("CREATE TABLE u (a); INSERT INTO u VALUES (1); INSERT INTO u VALUES (2);"),
    () => client.execute("SELECT a FROM u ORDER BY a"),
    () => client.migrate(["CREATE TABLE v (b)", { sql: "INSERT INTO v VALUES (?)", args: [3] }, "INSERT INTO missing VALUES (1)"]),
    () => client.execute("SELECT name FROM sqlite_schema WHERE name = 'v'"),
  ];
  const results: unknown[] = [];
  for (const step of steps) results.push(await outcome(step));
  return results;
}

async function transactions(client: Client): Promise<unknown[]> {
  await client.execute("CREATE TABLE k (id INTEGER PRIMARY KEY, v TEXT UNIQUE)");
  const results: unknown[] = [];
  const tx = await client.transaction("write");
  results.push(await outcome(() => tx.execute({ sql: "INSERT INTO k (v) VALUES (?)", args: ["a"] })));
  results.push(await outcome(() => tx.execute({ sql: "INSERT INTO k (v) VALUES (?)", args: ["a"] })));
  results.push(tx.closed);
  results.push(await outcome(() => tx.batch([{ sql: "INSERT INTO k (v) VALUES (?)", args: ["b"] }, { sql: "INSERT INTO k (v) VALUES (?)", args: ["a"] }])));
  await tx.commit();
  results.push(tx.closed, await outcome(() => tx.commit()), await outcome(() => tx.execute("SELECT 1")));
  const undone = await client.transaction("write");
  await undone.execute({ sql: "INSERT INTO k (v) VALUES (?)", args: ["c"] });
  await undone.rollback();
  results.push(undone.closed);
  const closed = await client.transaction("write");
  await closed.execute({ sql: "INSERT INTO k (v) VALUES (?)", args: ["d"] });
  closed.close();
  results.push(await outcome(() => client.execute("SELECT v FROM k ORDER BY id")));
  return results;
}

describe("the embedded libSQL client", () => {
  it("gives the library client's results and errors for the same statements", async () => {
    const library = await script(open("library"));
    const embedded = await script(open("embedded"));
    expect(embedded).toEqual(library);
    // The script did reach what it means to test.
    expect(JSON.stringify(library)).toContain("SQLITE_CONSTRAINT_UNIQUE");
    expect(JSON.stringify(library)).toContain('"extra"');
  });

  it("gives the library client's transactions: commit, rollback, close and a failed statement inside", async () => {
    const library = await transactions(open("library"));
    expect(await transactions(open("embedded"))).toEqual(library);
  });

  it("keeps working past the statement cache's size, and after close refuses with CLIENT_CLOSED", async () => {
    const client = open("embedded");
    await client.execute("CREATE TABLE n (x)");
    for (let i = 0; i < STATEMENT_CACHE_SIZE + 20; i++) await client.execute({ sql: `INSERT INTO n (x) VALUES (? + ${i})`, args: [0] });
    // The first statements were dropped from the cache and are prepared again.
    for (let i = 0; i < 20; i++) await client.execute({ sql: `INSERT INTO n (x) VALUES (? + ${i})`, args: [1000] });
    const { rows } = await client.execute("SELECT count(*) AS n, sum(x) AS s FROM n");
    const expectedSum = ((STATEMENT_CACHE_SIZE + 20) * (STATEMENT_CACHE_SIZE + 19)) / 2 + 20 * 1000 + (19 * 20) / 2;
    expect(rows[0]).toMatchObject({ n: STATEMENT_CACHE_SIZE + 40, s: expectedSum });
    client.close();
    expect(client.closed).toBe(true);
    await expect(client.execute("SELECT 1")).rejects.toMatchObject({ code: "CLIENT_CLOSED" });
  });
});
